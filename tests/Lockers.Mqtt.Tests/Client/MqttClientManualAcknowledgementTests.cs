using System.Text;
using Lockers.Mqtt.Client;
using Lockers.Mqtt.Packets;
using Lockers.Testing;

namespace Lockers.Mqtt.Tests.Client;

/// <summary><see cref="MqttClientOptions.ManualAcknowledgement"/> against the fake broker and clock: commit, then acknowledge.</summary>
public sealed class MqttClientManualAcknowledgementTests : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly FakeBroker _broker = new();
    private readonly FakeTimeProvider _time = new();
    private readonly List<MqttClient> _clients = new();

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync().AsTask().WaitAsync(Timeout);
        }
    }

    [Fact]
    public async Task Qos1_NoPubAckUntilAcknowledged_ThenPubAck()
    {
        var (client, connection) = await ConnectAsync(manual: true);

        connection.Send(Publish(1, packetId: 41));
        var message = await NextMessageAsync(client);
        await Wait.UntilAsync(() => connection.IsClientIdle, Timeout, "the client to process the publish");
        Assert.DoesNotContain(connection.TakeWritten(), packet => packet is PubAckPacket);
        Assert.Equal(1, client.UnacknowledgedMessageCount);

        await client.AcknowledgeAsync(message).WaitAsync(Timeout);

        Assert.Equal(41, (await connection.NextPacketAsync<PubAckPacket>()).PacketId);
        Assert.Equal(0, client.UnacknowledgedMessageCount);
    }

    [Fact]
    public async Task OutOfOrderAcknowledgements_PubAcksHeldAndSentInArrivalOrder()
    {
        var (client, connection) = await ConnectAsync(manual: true);
        connection.Send(Publish(1, packetId: 7));
        connection.Send(Publish(2, packetId: 3));
        connection.Send(Publish(3, packetId: 9));
        var messages = new[] { await NextMessageAsync(client), await NextMessageAsync(client), await NextMessageAsync(client) };

        await client.AcknowledgeAsync(messages[2]).WaitAsync(Timeout);
        await client.AcknowledgeAsync(messages[1]).WaitAsync(Timeout);
        Assert.DoesNotContain(connection.TakeWritten(), packet => packet is PubAckPacket);

        await client.AcknowledgeAsync(messages[0]).WaitAsync(Timeout);

        Assert.Equal(new ushort[] { 7, 3, 9 }, PubAckIds(connection.TakeWritten()));
    }

    [Fact]
    public async Task ConcurrentAcknowledgementsInRandomOrder_PubAcksInArrivalOrder()
    {
        const int count = 50;
        var (client, connection) = await ConnectAsync(manual: true);
        for (int i = 0; i < count; i++)
        {
            connection.Send(Publish(i, packetId: (ushort)(i + 1)));
        }

        var messages = new List<MqttApplicationMessage>();
        for (int i = 0; i < count; i++)
        {
            messages.Add(await NextMessageAsync(client));
        }

        var random = new Random(1234);
        await Task.WhenAll(messages.OrderBy(_ => random.Next()).Select(m => Task.Run(() => client.AcknowledgeAsync(m)))).WaitAsync(Timeout);

        var pubAcks = new List<ushort>();
        for (int i = 0; i < count; i++)
        {
            pubAcks.Add((await connection.NextPacketAsync<PubAckPacket>()).PacketId);
        }

        Assert.Equal(Enumerable.Range(1, count).Select(i => (ushort)i), pubAcks);
    }

    [Fact]
    public async Task AcknowledgedAfterReconnect_DroppedWhileTheRedeliveryIsAcknowledgedOnTheNewConnection()
    {
        var (client, first) = await ConnectAsync(manual: true);
        first.Send(Publish(1, packetId: 5));
        var stale = await NextMessageAsync(client);

        first.Drop();
        var second = await AdvanceUntilNewConnectionAsync(client);
        second.Send(Publish(1, packetId: 5, dup: true));
        var redelivered = await NextMessageAsync(client);
        Assert.True(redelivered.Dup);

        await client.AcknowledgeAsync(stale).WaitAsync(Timeout);
        Assert.DoesNotContain(second.TakeWritten(), packet => packet is PubAckPacket);

        await client.AcknowledgeAsync(redelivered).WaitAsync(Timeout);
        Assert.Equal(new ushort[] { 5 }, PubAckIds(second.TakeWritten()));
        Assert.Equal(0, client.UnacknowledgedMessageCount);
    }

    [Fact]
    public async Task Qos0_AcknowledgeIsNoOp()
    {
        var (client, connection) = await ConnectAsync(manual: true);
        connection.Send(new PublishPacket("t", Payload(1)));
        var message = await NextMessageAsync(client);

        await client.AcknowledgeAsync(message).WaitAsync(Timeout);

        Assert.DoesNotContain(connection.TakeWritten(), packet => packet is PubAckPacket);
        Assert.Equal(0, client.UnacknowledgedMessageCount);
    }

    [Fact]
    public async Task AcknowledgedTwiceOrThroughACopy_OnePubAck()
    {
        var (client, connection) = await ConnectAsync(manual: true);
        connection.Send(Publish(1, packetId: 1));
        connection.Send(Publish(2, packetId: 2));
        var first = await NextMessageAsync(client);
        var second = await NextMessageAsync(client);

        await client.AcknowledgeAsync(first with { Topic = "copy" }).WaitAsync(Timeout);
        await client.AcknowledgeAsync(first).WaitAsync(Timeout);
        await client.AcknowledgeAsync(second).WaitAsync(Timeout);
        await client.AcknowledgeAsync(second).WaitAsync(Timeout);

        Assert.Equal(new ushort[] { 1, 2 }, PubAckIds(connection.TakeWritten()));
        Assert.Equal(0, client.UnacknowledgedMessageCount);
    }

    [Fact]
    public async Task UnacknowledgedMessages_BoundedByInboundQueueCapacity_NextDeliveredOnAcknowledgement()
    {
        var (client, connection) = await ConnectAsync(manual: true, options => options.InboundQueueCapacity = 2);
        connection.Send(Publish(1, packetId: 1));
        connection.Send(Publish(2, packetId: 2));
        connection.Send(Publish(3, packetId: 3));
        var first = await NextMessageAsync(client);
        await NextMessageAsync(client);
        await Wait.UntilAsync(() => connection.IsClientIdle, Timeout, "the client to process the publishes");

        Assert.False(client.Messages.TryRead(out _));
        Assert.Equal(2, client.UnacknowledgedMessageCount);

        await client.AcknowledgeAsync(first).WaitAsync(Timeout);

        Assert.Equal(Payload(3), (await NextMessageAsync(client)).Payload.ToArray());
        Assert.Equal(new ushort[] { 1 }, PubAckIds(connection.TakeWritten()));
        Assert.Equal(2, client.UnacknowledgedMessageCount);
    }

    [Fact]
    public async Task DefaultMode_PubAckWithoutAcknowledge_AcknowledgeIsNoOp()
    {
        var (client, connection) = await ConnectAsync(manual: false);
        Assert.False(client.Options.ManualAcknowledgement);

        connection.Send(Publish(1, packetId: 12));
        Assert.Equal(12, (await connection.NextPacketAsync<PubAckPacket>()).PacketId);
        var message = await NextMessageAsync(client);
        await client.AcknowledgeAsync(message).WaitAsync(Timeout);

        await Wait.UntilAsync(() => connection.IsClientIdle, Timeout, "the client to settle");
        Assert.DoesNotContain(connection.TakeWritten(), packet => packet is PubAckPacket);
        Assert.Equal(0, client.UnacknowledgedMessageCount);
    }

    [Fact]
    public async Task DefaultMode_QueueFullWhileDraining_PubAcksStillInArrivalOrder()
    {
        const int count = 30;
        var (client, connection) = await ConnectAsync(manual: false, options => options.InboundQueueCapacity = 1);
        for (int i = 0; i < count; i++)
        {
            connection.Send(Publish(i, packetId: (ushort)(i + 1)));
        }

        for (int i = 0; i < count; i++)
        {
            Assert.Equal(Payload(i), (await NextMessageAsync(client)).Payload.ToArray());
        }

        var pubAcks = new List<ushort>();
        for (int i = 0; i < count; i++)
        {
            pubAcks.Add((await connection.NextPacketAsync<PubAckPacket>()).PacketId);
        }

        Assert.Equal(Enumerable.Range(1, count).Select(i => (ushort)i), pubAcks);
    }

    [Fact]
    public async Task Acknowledge_MessageNotDeliveredByThisClient_Throws()
    {
        var (client, _) = await ConnectAsync(manual: true);
        var (other, otherConnection) = await ConnectAsync(manual: true);
        otherConnection.Send(Publish(1, packetId: 1));
        var othersMessage = await NextMessageAsync(other);
        var handMade = new MqttApplicationMessage("t", Payload(1), MqttQos.AtLeastOnce, Retain: false, Dup: false);

        await Assert.ThrowsAsync<ArgumentException>(() => client.AcknowledgeAsync(othersMessage));
        await Assert.ThrowsAsync<ArgumentException>(() => client.AcknowledgeAsync(handMade));
        Assert.Equal(1, other.UnacknowledgedMessageCount);
    }

    private async Task<(MqttClient Client, FakeBrokerConnection Connection)> ConnectAsync(bool manual, Action<MqttClientOptions>? configure = null)
    {
        var options = new MqttClientOptions
        {
            Host = "fake",
            ClientId = "unit",
            TimeProvider = _time,
            ManualAcknowledgement = manual,
            ReconnectMinDelay = TimeSpan.FromSeconds(1),
            ReconnectMaxDelay = TimeSpan.FromSeconds(4),
        };
        configure?.Invoke(options);
        var client = new MqttClient(options, null, _broker.CreateChannel);
        _clients.Add(client);
        await client.ConnectAsync().WaitAsync(Timeout);
        var connection = await _broker.NextConnectionAsync();
        await connection.NextPacketAsync<ConnectPacket>();
        return (client, connection);
    }

    /// <summary>Moves the fake clock a second at a time (through the backoff) until the client is connected again.</summary>
    private async Task<FakeBrokerConnection> AdvanceUntilNewConnectionAsync(MqttClient client)
    {
        int before = _broker.ConnectionCount;
        await Wait.UntilAsync(() =>
        {
            bool done() => _broker.ConnectionCount > before && client.State == MqttClientState.Connected;
            if (!done())
            {
                _time.Advance(TimeSpan.FromSeconds(1));
            }

            return done();
        }, Timeout, "the client to reconnect");
        FakeBrokerConnection connection;
        lock (_broker.Connections)
        {
            connection = _broker.Connections[^1];
        }

        await connection.NextPacketAsync<ConnectPacket>();
        return connection;
    }

    private static async Task<MqttApplicationMessage> NextMessageAsync(MqttClient client)
        => await client.Messages.ReadAsync().AsTask().WaitAsync(Timeout);

    private static PublishPacket Publish(int i, ushort packetId, bool dup = false)
        => new("t", Payload(i), MqttQos.AtLeastOnce, Dup: dup, PacketId: packetId);

    private static ushort[] PubAckIds(IEnumerable<MqttPacket> packets)
        => packets.OfType<PubAckPacket>().Select(pubAck => pubAck.PacketId).ToArray();

    private static byte[] Payload(int i) => Encoding.UTF8.GetBytes($"message {i}");
}
