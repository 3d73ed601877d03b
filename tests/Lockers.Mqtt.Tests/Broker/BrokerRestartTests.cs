using System.Collections.Concurrent;
using System.Diagnostics;
using Lockers.Mqtt.Client;
using Lockers.Mqtt.Packets;
using Lockers.Testing;
using Lockers.Testing.Mosquitto;
using Xunit.Abstractions;

namespace Lockers.Mqtt.Tests.Broker;

/// <summary>
/// The broker dies (SIGKILL) or stops (SIGTERM) in the middle of a QoS 1 stream and comes back on the same port
/// and persistence: clients reconnect, restore their sessions, and every message arrives at least once, except what
/// Mosquitto itself had acknowledged but not yet saved when it was killed (see <see cref="PacingBatch"/>).
/// </summary>
public sealed class BrokerRestartTests : IAsyncLifetime
{
    private const int MessageCount = 200;

    /// <summary>
    /// The first half is published in batches of this many, each waiting for the last one's acknowledgements. Mosquitto
    /// sends PUBACK when it handles a PUBLISH and saves its database (autosave_on_changes, interval 1) only at the end of
    /// that pass of its event loop, so a SIGKILL in between loses messages it had acknowledged: at most the one batch it
    /// was handling (the batch before it was acknowledged in full, so saved, before this one was sent). The publisher
    /// rightly does not resend what was acknowledged. Over TLS (the fixture's default since issue 13) the kill landed in
    /// that window in about a third of the runs (the broker log showed the batch's PUBACKs, then "Saving in-memory
    /// database", then the restart without them). A stop (SIGTERM) saves everything, so there nothing may be missing.
    /// </summary>
    private const int PacingBatch = 10;
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    private readonly ITestOutputHelper _output;
    private MosquittoBroker _broker = null!;
    private BrokerClients _clients = null!;

    public BrokerRestartTests(ITestOutputHelper output) => _output = output;

    public async Task InitializeAsync()
    {
        // SIGKILL loses whatever the broker had not saved yet; save after every change so that the test measures the client.
        _broker = await MosquittoBroker.StartNewAsync(new MosquittoBrokerOptions { SaveOnEveryChange = true });
        _clients = new BrokerClients(_broker, _output);
    }

    public async Task DisposeAsync()
    {
        await _clients.DisposeAsync();
        await _broker.DisposeAsync();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task BrokerRestart_MidStream_EveryQos1MessageArrivesAtLeastOnce(bool kill)
    {
        string topic = TestIds.Topic();
        string markerTopic = TestIds.Topic(suffix: "marker");
        var persistent = await _clients.ConnectAsync("persistent-sub", options => options.CleanSession = false);
        var clean = await _clients.ConnectAsync("clean-sub");
        var publisher = await _clients.ConnectAsync("pub");
        await persistent.SubscribeAsync(topic, MqttQos.AtLeastOnce);
        await clean.SubscribeAsync(markerTopic, MqttQos.AtLeastOnce);
        var received = new ConcurrentDictionary<int, int>();
        var collector = Task.Run(async () =>
        {
            await foreach (var message in persistent.Messages.ReadAllAsync())
            {
                received.AddOrUpdate(int.Parse(message.Text()), 1, (_, count) => count + 1);
            }
        });
        var allReconnected = ReconnectedSignal(persistent, clean, publisher);

        // First half, paced by acknowledgements; the broker is taken down while it flows.
        var publishes = new List<Task>();
        var brokerDown = Task.Run(async () =>
        {
            await Wait.UntilAsync(() => received.Count >= 50, Generous, "50 messages before the outage");
            await (kill ? _broker.KillAsync() : _broker.StopAsync());
        });
        for (int i = 0; i < MessageCount / 2; i++)
        {
            publishes.Add(publisher.PublishAsync(topic, i.ToString().Utf8(), MqttQos.AtLeastOnce));
            if (i % PacingBatch == PacingBatch - 1)
            {
                await Task.WhenAny(Task.WhenAll(publishes), brokerDown).WaitAsync(Generous);
            }
        }

        // Second half while the broker is down: queued, not lost.
        await brokerDown.WaitAsync(Generous);
        for (int i = MessageCount / 2; i < MessageCount; i++)
        {
            publishes.Add(publisher.PublishAsync(topic, i.ToString().Utf8(), MqttQos.AtLeastOnce));
        }

        Assert.True(publisher.QueuedPublishCount + publisher.InflightPublishCount >= MessageCount / 2);
        var outage = Stopwatch.StartNew();
        await _broker.StartAsync();
        await allReconnected.WaitAsync(Generous);
        _output.WriteLine($"All clients reconnected {outage.ElapsedMilliseconds} ms after the broker restarted.");

        await Task.WhenAll(publishes).WaitAsync(Generous);
        // Everything published after the outage began (the second half, which the client queued) and, after a stop, everything.
        int mayLose = kill ? PacingBatch : 0;
        await Wait.UntilAsync(() => received.Count >= MessageCount - mayLose && Enumerable.Range(MessageCount / 2, MessageCount / 2).All(received.ContainsKey),
            Generous, $"all {MessageCount} messages but at most {mayLose} (missing: {Missing(received)})");
        if (received.Count < MessageCount)
        {
            // The broker delivers a session's queue in order, so with the second half in, nothing older is still coming.
            // Hold the loss to what the broker can lose: the one batch it acknowledged just before SIGKILL.
            var missing = Enumerable.Range(0, MessageCount).Where(i => !received.ContainsKey(i)).ToList();
            Assert.True(missing.Count == 0 || (missing[^1] - missing[0] < PacingBatch && missing[^1] < MessageCount / 2),
                $"more than one acknowledged batch lost before the kill: {Missing(received)}");
            _output.WriteLine($"Mosquitto lost {missing.Count} messages it had acknowledged but not saved when killed: {Missing(received)}.");
        }

        _output.WriteLine($"Received {received.Count} distinct messages, {received.Values.Sum() - received.Count} duplicates.");

        // The clean-session subscriber found no session on the restarted broker, so it must have resubscribed.
        await publisher.PublishAsync(markerTopic, "after restart".Utf8(), MqttQos.AtLeastOnce).WaitAsync(Generous);
        Assert.Equal("after restart", (await clean.NextMessageAsync()).Text());
        Assert.Equal(MqttClientState.Connected, persistent.State);
        Assert.False(collector.IsFaulted);
    }

    private static string Missing(ConcurrentDictionary<int, int> received) =>
        string.Join(',', Enumerable.Range(0, MessageCount).Where(i => !received.ContainsKey(i)).Take(20));

    /// <summary>Completes once every client has gone through Reconnecting and back to Connected.</summary>
    private static Task ReconnectedSignal(params MqttClient[] clients) => Task.WhenAll(clients.Select(client =>
    {
        var reconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bool lost = false;
        client.StateChanged += (_, change) =>
        {
            if (change.State == MqttClientState.Reconnecting)
            {
                lost = true;
            }
            else if (change.State == MqttClientState.Connected && lost)
            {
                reconnected.TrySetResult();
            }
        };
        return reconnected.Task;
    }));
}
