using System.Text;
using Lockers.Mqtt.Client;
using Lockers.Mqtt.Packets;
using Lockers.Testing;

namespace Lockers.Mqtt.Tests.Client;

/// <summary>
/// The send loop writes every publish already queued (and given an in-flight slot) with one write: order, the
/// in-flight limit, the size bound, and a write that fails in the middle of a batch.
/// </summary>
public sealed class MqttClientCoalescedWriteTests : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly FakeBroker _broker = new();
    private readonly FakeTimeProvider _time = new();
    private MqttClient? _client;

    public async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.DisposeAsync().AsTask().WaitAsync(Timeout);
        }
    }

    [Fact]
    public async Task QueuedBeforeConnect_WrittenInQueueOrderInFewWrites_NeverBeyondTheInflightLimit()
    {
        var client = CreateClient(options => options.MaxInflightPublishes = 10);
        var publishes = Enumerable.Range(0, 25).Select(i => client.PublishAsync("t", Payload(i), MqttQos.AtLeastOnce)).ToList();

        await client.ConnectAsync().WaitAsync(Timeout);
        await Task.WhenAll(publishes).WaitAsync(Timeout);

        var writes = PublishWrites(_broker.Connections[0]);
        Assert.Equal(Enumerable.Range(0, 25).Select(Payload), writes.SelectMany(write => write).Select(publish => publish.Payload.ToArray()));
        Assert.Equal(10, writes[0].Count); // the whole in-flight window in the first write
        Assert.All(writes, write => Assert.InRange(write.Count, 1, 10));
        Assert.True(writes.Count < 25, $"{writes.Count} writes for 25 publishes");
        Assert.Equal(0, client.InflightPublishCount);
    }

    [Fact]
    public async Task LargePublishes_ShareAWriteOnlyWithinTheLimit_OneLargerPublishIsWrittenAlone()
    {
        var client = CreateClient(_ => { });
        int large = MqttClient.CoalescedWriteLimit * 5 / 8;
        byte[][] payloads = [new byte[large], new byte[large], Payload(1), Payload(2), new byte[MqttClient.CoalescedWriteLimit * 2]];
        var publishes = payloads.Select(payload => client.PublishAsync("t", payload, MqttQos.AtLeastOnce)).ToList();

        await client.ConnectAsync().WaitAsync(Timeout);
        await Task.WhenAll(publishes).WaitAsync(Timeout);

        var writes = PublishWrites(_broker.Connections[0]);
        Assert.Equal([1, 3, 1], writes.Select(write => write.Count));
        Assert.Equal(payloads.Select(payload => payload.Length), writes.SelectMany(write => write).Select(publish => publish.Payload.Length));
    }

    [Fact]
    public async Task ConnectionBreaksInTheMiddleOfABatch_EveryQos1OfItResentWithDupInOrder_Qos0Fails()
    {
        var client = CreateClient(_ => { });
        _broker.AcknowledgePublishes = false;
        _broker.BreakNextPublishWriteAfterBytes = 20; // the first PUBLISH (16 bytes) gets through, the second is cut
        MqttQos[] qos = [MqttQos.AtLeastOnce, MqttQos.AtMostOnce, MqttQos.AtLeastOnce, MqttQos.AtLeastOnce];
        var publishes = qos.Select((q, i) => client.PublishAsync("t", Payload(i), q)).ToList();

        await client.ConnectAsync().WaitAsync(Timeout);
        var first = await _broker.NextConnectionAsync();
        var reachedBroker = await first.NextPacketAsync<PublishPacket>();
        await Assert.ThrowsAsync<MqttClientNotConnectedException>(() => publishes[1].WaitAsync(Timeout));
        _broker.AcknowledgePublishes = true;
        var second = await AdvanceUntilNewConnectionAsync(client);
        await Task.WhenAll(publishes[0], publishes[2], publishes[3]).WaitAsync(Timeout);

        var resent = PublishWrites(second).SelectMany(write => write).ToList();
        Assert.Equal(new[] { 0, 2, 3 }.Select(Payload), resent.Select(publish => publish.Payload.ToArray()));
        Assert.All(resent, publish => Assert.True(publish.Dup));
        Assert.Equal(reachedBroker.PacketId, resent[0].PacketId);
        Assert.Equal(3, resent.Select(publish => publish.PacketId).Distinct().Count());
        Assert.Equal(0, client.InflightPublishCount);
    }

    private MqttClient CreateClient(Action<MqttClientOptions> configure)
    {
        var options = new MqttClientOptions
        {
            Host = "fake",
            ClientId = "coalesced-writes",
            KeepAlive = TimeSpan.FromSeconds(10),
            TimeProvider = _time,
            ReconnectMinDelay = TimeSpan.FromSeconds(1),
            ReconnectMaxDelay = TimeSpan.FromSeconds(4),
        };
        configure(options);
        _client = new MqttClient(options, null, _broker.CreateChannel);
        return _client;
    }

    /// <summary>The PUBLISHes of each write that carried any, in write order.</summary>
    private static List<List<PublishPacket>> PublishWrites(FakeBrokerConnection connection) => connection.Writes
        .Select(write => write.OfType<PublishPacket>().ToList())
        .Where(publishes => publishes.Count > 0)
        .ToList();

    /// <summary>Moves the fake clock a second at a time (through the backoff) until the client is connected again.</summary>
    private async Task<FakeBrokerConnection> AdvanceUntilNewConnectionAsync(MqttClient client)
    {
        int before = _broker.ConnectionCount;
        bool Reconnected() => _broker.ConnectionCount > before && client.State == MqttClientState.Connected;
        await Wait.UntilAsync(() =>
        {
            if (!Reconnected())
            {
                _time.Advance(TimeSpan.FromSeconds(1));
            }

            return Reconnected();
        }, Timeout);
        return _broker.Connections[^1];
    }

    private static byte[] Payload(int i) => Encoding.UTF8.GetBytes($"message {i}");
}
