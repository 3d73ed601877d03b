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
/// and persistence: clients reconnect, restore their sessions, and every message arrives at least once.
/// </summary>
public sealed class BrokerRestartTests : IAsyncLifetime
{
    private const int MessageCount = 200;
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
            if (i % 10 == 9)
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
        await Wait.UntilAsync(() => received.Count == MessageCount, Generous,
            $"all {MessageCount} messages (missing: {string.Join(',', Enumerable.Range(0, MessageCount).Where(i => !received.ContainsKey(i)).Take(20))})");
        _output.WriteLine($"Received {received.Count} distinct messages, {received.Values.Sum() - received.Count} duplicates.");

        // The clean-session subscriber found no session on the restarted broker, so it must have resubscribed.
        await publisher.PublishAsync(markerTopic, "after restart".Utf8(), MqttQos.AtLeastOnce).WaitAsync(Generous);
        Assert.Equal("after restart", (await clean.NextMessageAsync()).Text());
        Assert.Equal(MqttClientState.Connected, persistent.State);
        Assert.False(collector.IsFaulted);
    }

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
