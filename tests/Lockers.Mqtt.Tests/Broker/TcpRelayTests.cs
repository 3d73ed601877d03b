using System.Net;
using System.Net.Sockets;
using System.Text;
using Lockers.Testing;

namespace Lockers.Mqtt.Tests.Broker;

/// <summary>
/// The relay the fault tests put between a locker and the broker (tests/Lockers.Testing/TcpRelay): it passes bytes, holds
/// them while stalled and delivers them late, and on silent loss throws them away and resets the stream when the route is
/// back. Checked against a plain echo server, with bounded reads and no sleeps.
/// </summary>
public sealed class TcpRelayTests : IAsyncLifetime
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(10);
    private readonly TcpListener _echo = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private TcpRelay _relay = null!;

    public Task InitializeAsync()
    {
        _echo.Start();
        _ = EchoAsync();
        _relay = TcpRelay.Start(((IPEndPoint)_echo.LocalEndpoint).Port);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _relay.DisposeAsync();
        _stop.Cancel();
        _echo.Stop();
        _stop.Dispose();
    }

    [Fact]
    public async Task Pass_CarriesBothWays()
    {
        using var client = await ConnectAsync();

        Assert.Equal("hello", await RoundTripAsync(client, "hello"));
        Assert.Equal(1, _relay.Connections);
    }

    [Fact]
    public async Task Stall_HoldsTheBytes_AndDeliversThemInOrderWhenItPasses()
    {
        using var client = await ConnectAsync();
        Assert.Equal("up", await RoundTripAsync(client, "up"));
        _relay.Stall();

        await client.GetStream().WriteAsync(Encoding.ASCII.GetBytes("late"));
        var reading = ReadAsync(client, 4);
        Assert.False(reading.IsCompleted);
        _relay.Pass();

        Assert.Equal("late", await reading);
        Assert.Equal(0, _relay.Dropped);
    }

    [Fact]
    public async Task Drop_ThrowsTheBytesAway_AndResetsThatConnectionWhenTheRouteIsBack()
    {
        using var client = await ConnectAsync();
        Assert.Equal("up", await RoundTripAsync(client, "up"));
        _relay.Drop();

        await client.GetStream().WriteAsync(Encoding.ASCII.GetBytes("lost"));
        await Wait.UntilAsync(() => _relay.Dropped > 0, ReadTimeout, "the relay to drop the bytes");
        _relay.Pass();

        Assert.Equal("", await ReadToCloseAsync(client));
        using var again = await ConnectAsync();
        Assert.Equal("back", await RoundTripAsync(again, "back"));
    }

    [Fact]
    public async Task Cut_ClosesOpenConnections_AndAcceptsNewOnes()
    {
        using var client = await ConnectAsync();
        Assert.Equal("up", await RoundTripAsync(client, "up"));

        _relay.Cut();

        Assert.Equal("", await ReadToCloseAsync(client));
        using var again = await ConnectAsync();
        Assert.Equal("x", await RoundTripAsync(again, "x"));
    }

    private async Task<TcpClient> ConnectAsync()
    {
        var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _relay.Port);
        return client;
    }

    private static async Task<string> RoundTripAsync(TcpClient client, string text)
    {
        await client.GetStream().WriteAsync(Encoding.ASCII.GetBytes(text));
        return await ReadAsync(client, text.Length);
    }

    private static async Task<string> ReadAsync(TcpClient client, int count)
    {
        using var timeout = new CancellationTokenSource(ReadTimeout);
        var buffer = new byte[count];
        for (int read = 0; read < count;)
        {
            int n = await client.GetStream().ReadAsync(buffer.AsMemory(read), timeout.Token);
            if (n == 0) return Encoding.ASCII.GetString(buffer, 0, read);
            read += n;
        }

        return Encoding.ASCII.GetString(buffer);
    }

    /// <summary>What arrives before the connection closes (reset or end of stream).</summary>
    private static async Task<string> ReadToCloseAsync(TcpClient client)
    {
        using var timeout = new CancellationTokenSource(ReadTimeout);
        var text = new StringBuilder();
        var buffer = new byte[64];
        try
        {
            int n;
            while ((n = await client.GetStream().ReadAsync(buffer, timeout.Token)) > 0)
            {
                text.Append(Encoding.ASCII.GetString(buffer, 0, n));
            }
        }
        catch (IOException)
        {
            // Reset: closed without a goodbye.
        }

        return text.ToString();
    }

    private async Task EchoAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient accepted;
            try
            {
                accepted = await _echo.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception)
            {
                return;
            }

            _ = Task.Run(async () =>
            {
                using var connection = accepted;
                var buffer = new byte[256];
                try
                {
                    int n;
                    while ((n = await connection.GetStream().ReadAsync(buffer, _stop.Token)) > 0)
                    {
                        await connection.GetStream().WriteAsync(buffer.AsMemory(0, n), _stop.Token);
                    }
                }
                catch (Exception)
                {
                    // The relay reset the connection or the test ended.
                }
            });
        }
    }
}
