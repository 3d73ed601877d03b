using Lockers.Mqtt.Client;
using Lockers.Testing;
using Xunit.Abstractions;

namespace Lockers.Mqtt.Tests.Broker;

/// <summary>
/// A broker that stops answering without closing the socket (SIGSTOP) is found dead by keep-alive. The client's clock is
/// a fake one, so the detection time is asserted in that clock's time, exactly, whatever the load on the machine; real
/// time only bounds the waits for what the client does on its own threads, so a hung test stops.
/// </summary>
public sealed class DeadConnectionTests(ITestOutputHelper output) : BrokerTest(output)
{
    /// <summary>Long in real time, so the broker never times the client out while the test runs; free in fake time.</summary>
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(1);

    /// <summary>Stops a hung test only; every wait normally ends in milliseconds.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task FrozenBroker_DeclaredDeadOneAndAHalfKeepAlivesAfterItsLastPacket_ThenReconnectsAfterResume()
    {
        var time = new FakeTimeProvider();
        var client = await Clients.ConnectAsync("frozen", options =>
        {
            options.KeepAlive = KeepAlive;
            options.TimeProvider = time;
            options.ReconnectMinDelay = options.ReconnectMaxDelay = ReconnectDelay;
            options.ReconnectJitter = 0;
        });
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

        // The CONNACK was the last packet from the broker, at fake time zero.
        await Broker.PauseAsync();
        time.Advance(KeepAlive); // quiet for a period: PINGREQ, which the frozen broker never answers
        time.Advance(KeepAlive / 2 - Tick);
        Assert.False(lost.Task.IsCompleted, "declared dead before the ping's answer was due");
        Assert.Equal(MqttClientState.Connected, client.State);

        time.Advance(Tick);
        var change = await lost.Task.WaitAsync(HangGuard);
        Assert.Contains("keep-alive timeout: no packet from the broker for 90 s", change.Reason);

        await Broker.ResumeAsync();
        // The reconnect waits its delay on the fake clock (the one armed timer now): move the clock on once it is armed.
        await Wait.UntilAsync(() => time.ActiveTimerCount > 0, HangGuard, "the reconnect delay");
        time.Advance(ReconnectDelay);
        await back.Task.WaitAsync(HangGuard);
        Assert.Equal(MqttClientState.Connected, client.State);
    }
}
