using System.Diagnostics;
using Lockers.Mqtt.Client;
using Lockers.Testing;
using Xunit.Abstractions;

namespace Lockers.Mqtt.Tests.Broker;

/// <summary>A broker that stops answering without closing the socket (SIGSTOP) is found dead by keep-alive.</summary>
public sealed class DeadConnectionTests(ITestOutputHelper output) : BrokerTest(output)
{
    [Fact]
    public async Task FrozenBroker_DetectedWithinOneAndAHalfKeepAlive_ThenReconnectsAfterResume()
    {
        var client = await Clients.ConnectAsync("frozen", options => options.KeepAlive = TimeSpan.FromSeconds(2));
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
        await Broker.PauseAsync();
        var change = await lost.Task.WaitAsync(TimeSpan.FromSeconds(10));
        frozenFor.Stop();
        Output.WriteLine($"Dead connection detected {frozenFor.ElapsedMilliseconds} ms after the broker froze (keep-alive 2 s).");

        Assert.Contains("keep-alive timeout", change.Reason);
        // The last packet came before the freeze, so detection is due by 1.5 x 2 s = 3 s; allow scheduling slack.
        Assert.True(frozenFor.Elapsed < TimeSpan.FromSeconds(4), $"took {frozenFor.Elapsed}");
        await Broker.ResumeAsync();
        await back.Task.WaitAsync(TimeSpan.FromSeconds(15));
    }
}
