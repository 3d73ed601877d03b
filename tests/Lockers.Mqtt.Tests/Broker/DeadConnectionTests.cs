using System.Diagnostics;
using Lockers.Mqtt.Client;
using Lockers.Testing;
using Lockers.Testing.Mosquitto;
using Xunit.Abstractions;

namespace Lockers.Mqtt.Tests.Broker;

/// <summary>A broker that stops answering without closing the socket (SIGSTOP) is found dead by keep-alive.</summary>
public sealed class DeadConnectionTests : IAsyncLifetime
{
    private readonly ITestOutputHelper _output;
    private MosquittoBroker _broker = null!;
    private BrokerClients _clients = null!;

    public DeadConnectionTests(ITestOutputHelper output) => _output = output;

    public async Task InitializeAsync()
    {
        _broker = await MosquittoBroker.StartNewAsync();
        _clients = new BrokerClients(_broker, _output);
    }

    public async Task DisposeAsync()
    {
        await _clients.DisposeAsync();
        await _broker.DisposeAsync();
    }

    [Fact]
    public async Task FrozenBroker_DetectedWithinOneAndAHalfKeepAlive_ThenReconnectsAfterResume()
    {
        var client = await _clients.ConnectAsync("frozen", options => options.KeepAlive = TimeSpan.FromSeconds(2));
        var lost = new TaskCompletionSource<MqttClientStateChangedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        var back = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.StateChanged += (_, change) =>
        {
            if (change.State == MqttClientState.Reconnecting)
            {
                lost.TrySetResult(change);
            }
            else if (change.State == MqttClientState.Connected)
            {
                back.TrySetResult();
            }
        };

        var frozenFor = Stopwatch.StartNew();
        await _broker.PauseAsync();
        var change = await lost.Task.WaitAsync(TimeSpan.FromSeconds(10));
        frozenFor.Stop();
        _output.WriteLine($"Dead connection detected {frozenFor.ElapsedMilliseconds} ms after the broker froze (keep-alive 2 s).");

        Assert.Contains("keep-alive timeout", change.Reason);
        // The last packet came before the freeze, so detection is due by 1.5 x 2 s = 3 s; allow scheduling slack.
        Assert.True(frozenFor.Elapsed < TimeSpan.FromSeconds(4), $"took {frozenFor.Elapsed}");
        await _broker.ResumeAsync();
        await back.Task.WaitAsync(TimeSpan.FromSeconds(15));
    }
}
