using System.Net.Sockets;

namespace Lockers.Mqtt.Channel;

/// <summary>A plain TCP connection to a broker. Nagle is off (NoDelay) because MQTT packets are small and latency matters.</summary>
public sealed class TcpMqttChannel : IMqttChannel
{
    private readonly string _host;
    private readonly int _port;
    private readonly Socket _socket;
    private int _aborted;

    /// <summary>Creates an unconnected channel to <paramref name="host"/>:<paramref name="port"/>.</summary>
    public TcpMqttChannel(string host, int port)
    {
        _host = host;
        _port = port;
        _socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
    }

    /// <inheritdoc />
    public string Endpoint => $"tcp://{_host}:{_port}";

    /// <summary>The connected socket, for layers (TLS) that wrap it in a stream.</summary>
    internal Socket Socket => _socket;

    /// <inheritdoc />
    public async Task ConnectAsync(CancellationToken cancellationToken)
        => await _socket.ConnectAsync(_host, _port, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
        => _socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);

    /// <inheritdoc />
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        // Socket.SendAsync may send part of the buffer; loop until all of it is out.
        while (!data.IsEmpty)
        {
            int sent = await _socket.SendAsync(data, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            data = data[sent..];
        }
    }

    /// <inheritdoc />
    public void Abort()
    {
        if (Interlocked.Exchange(ref _aborted, 1) == 1)
        {
            return;
        }

        // Linger 0 makes the close a reset rather than a FIN: the broker sees the client vanish,
        // which is what a crash or a pulled cable looks like, and publishes the will.
        try
        {
            _socket.LingerState = new LingerOption(true, 0);
        }
        catch (SocketException)
        {
        }
        catch (ObjectDisposedException)
        {
        }

        _socket.Dispose();
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _aborted, 1) == 0)
        {
            // An orderly close: bytes already written (a DISCONNECT) still go out before the FIN.
            try
            {
                _socket.Shutdown(SocketShutdown.Both);
            }
            catch (SocketException)
            {
            }

            _socket.Dispose();
        }

        return ValueTask.CompletedTask;
    }
}
