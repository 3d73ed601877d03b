using System.Text;
using Lockers.Mqtt.Client;
using Lockers.Mqtt.Packets;
using Lockers.Testing;

namespace Lockers.Mqtt.Tests.Client;

/// <summary>The client against an in-process fake broker and a fake clock: keep-alive, reconnect and session restore, queues.</summary>
public sealed class MqttClientFakeBrokerTests : IAsyncDisposable
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly FakeBroker _broker = new();
    private readonly FakeTimeProvider _time = new();
    private readonly List<MqttClientStateChangedEventArgs> _changes = new();
    private readonly MqttClient _client;

    public MqttClientFakeBrokerTests()
    {
        _client = CreateClient(options => { });
    }

    public async ValueTask DisposeAsync() => await _client.DisposeAsync().AsTask().WaitAsync(Timeout);

    [Fact]
    public async Task BrokerSilent_DeadWithinOneAndAHalfKeepAlivePeriods_ThenReconnects()
    {
        _broker.AnswerPings = false;
        var reconnecting = NextState(MqttClientState.Reconnecting);
        await _client.ConnectAsync().WaitAsync(Timeout);
        var connection = await _broker.NextConnectionAsync();
        await connection.NextPacketAsync<ConnectPacket>();

        _time.Advance(KeepAlive);
        await connection.NextPacketAsync<PingReqPacket>();
        _time.Advance(KeepAlive / 2 - TimeSpan.FromMilliseconds(1));
        Assert.Equal(MqttClientState.Connected, _client.State);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        var change = await reconnecting.WaitAsync(Timeout);
        Assert.Contains("keep-alive timeout", change.Reason);
        _broker.AnswerPings = true;
        await AdvanceUntilAsync(() => _client.State == MqttClientState.Connected && _broker.ConnectionCount == 2);
    }

    [Fact]
    public async Task Reconnect_UnacknowledgedQos1_ResentInOrderWithDupAndSameIds()
    {
        _broker.AcknowledgePublishes = false;
        await _client.ConnectAsync().WaitAsync(Timeout);
        var first = await _broker.NextConnectionAsync();
        var publishes = Enumerable.Range(0, 3).Select(i => _client.PublishAsync("t", Payload(i), MqttQos.AtLeastOnce)).ToList();
        var sent = new List<PublishPacket>();
        for (int i = 0; i < 3; i++)
        {
            sent.Add(await first.NextPacketAsync<PublishPacket>());
        }

        _broker.AcknowledgePublishes = true;
        first.Drop();
        var second = await AdvanceUntilNewConnectionAsync();

        for (int i = 0; i < 3; i++)
        {
            var resent = await second.NextPacketAsync<PublishPacket>();
            Assert.True(resent.Dup);
            Assert.False(sent[i].Dup);
            Assert.Equal(sent[i].PacketId, resent.PacketId);
            Assert.Equal(sent[i].Payload.ToArray(), resent.Payload.ToArray());
        }

        await Task.WhenAll(publishes).WaitAsync(Timeout);
        Assert.Equal(0, _client.InflightPublishCount);
    }

    [Fact]
    public async Task Reconnect_NoSessionPresent_ResubscribesEveryActiveFilter()
    {
        await _client.ConnectAsync().WaitAsync(Timeout);
        var first = await _broker.NextConnectionAsync();
        await _client.SubscribeAsync(new[] { new MqttSubscription("a/#", MqttQos.AtLeastOnce), new MqttSubscription("b", MqttQos.AtMostOnce) });
        await _client.SubscribeAsync("c");
        await _client.UnsubscribeAsync("c");

        first.Drop();
        var second = await AdvanceUntilNewConnectionAsync();

        var resubscribe = await second.NextPacketAsync<SubscribePacket>();
        Assert.Equal(new[] { new MqttSubscription("a/#", MqttQos.AtLeastOnce), new MqttSubscription("b", MqttQos.AtMostOnce) }, resubscribe.Subscriptions);
    }

    [Fact]
    public async Task Reconnect_SessionPresent_DoesNotResubscribe()
    {
        await _client.ConnectAsync().WaitAsync(Timeout);
        var first = await _broker.NextConnectionAsync();
        await _client.SubscribeAsync("a/#");
        _broker.AnswerConnect = _ => new ConnAckPacket(SessionPresent: true, ConnectReturnCode.Accepted);

        first.Drop();
        var second = await AdvanceUntilNewConnectionAsync();
        await _client.PublishAsync("marker", Payload(1), MqttQos.AtLeastOnce).WaitAsync(Timeout);

        var written = second.TakeWritten();
        Assert.DoesNotContain(written, packet => packet is SubscribePacket);
        Assert.Contains(written, packet => packet is PublishPacket { Topic: "marker" });
    }

    [Fact]
    public async Task PublishBeforeConnect_QueueFull_FailsFastThenQueuedOnesAreSent()
    {
        await using var client = CreateClient(options => options.OutgoingQueueCapacity = 3);
        var queued = Enumerable.Range(0, 3).Select(i => client.PublishAsync("t", Payload(i), MqttQos.AtLeastOnce)).ToList();

        var error = await Assert.ThrowsAsync<MqttQueueFullException>(() => client.PublishAsync("t", Payload(3), MqttQos.AtLeastOnce));
        Assert.Equal(3, error.Capacity);
        Assert.Equal(3, client.QueuedPublishCount);

        await client.ConnectAsync().WaitAsync(Timeout);
        await Task.WhenAll(queued).WaitAsync(Timeout);
    }

    [Fact]
    public async Task InboundQos1_AcknowledgedOnlyOnceInTheApplicationQueue_DupExposed()
    {
        await using var client = CreateClient(options => options.InboundQueueCapacity = 1);
        await client.ConnectAsync().WaitAsync(Timeout);
        var connection = await _broker.NextConnectionAsync();
        await connection.NextPacketAsync<ConnectPacket>();

        connection.Send(new PublishPacket("t", Payload(1), MqttQos.AtLeastOnce, Dup: true, PacketId: 41));
        connection.Send(new PublishPacket("t", Payload(2), MqttQos.AtLeastOnce, PacketId: 42));
        Assert.Equal(41, (await connection.NextPacketAsync<PubAckPacket>()).PacketId);
        await Wait.UntilAsync(() => connection.IsClientIdle, Timeout, "the client to process both publishes");
        Assert.Empty(connection.TakeWritten());

        var first = await client.Messages.ReadAsync().AsTask().WaitAsync(Timeout);
        Assert.True(first.Dup);
        Assert.Equal(42, (await connection.NextPacketAsync<PubAckPacket>()).PacketId);
        var second = await client.Messages.ReadAsync().AsTask().WaitAsync(Timeout);
        Assert.False(second.Dup);
        Assert.Equal(Payload(2), second.Payload.ToArray());
    }

    [Fact]
    public async Task InboundQos0_QueueFull_DroppedAndCounted()
    {
        await using var client = CreateClient(options => options.InboundQueueCapacity = 1);
        await client.ConnectAsync().WaitAsync(Timeout);
        var connection = await _broker.NextConnectionAsync();

        connection.Send(new PublishPacket("t", Payload(1)));
        connection.Send(new PublishPacket("t", Payload(2)));
        await Wait.UntilAsync(() => connection.IsClientIdle, Timeout, "the client to process both publishes");

        Assert.Equal(1, client.DroppedQos0Messages);
        Assert.Equal(Payload(1), (await client.Messages.ReadAsync().AsTask().WaitAsync(Timeout)).Payload.ToArray());
    }

    [Fact]
    public async Task Disconnect_PendingPublishes_FailWithStoppedException()
    {
        _broker.AcknowledgePublishes = false;
        await _client.ConnectAsync().WaitAsync(Timeout);
        var connection = await _broker.NextConnectionAsync();
        var pending = _client.PublishAsync("t", Payload(1), MqttQos.AtLeastOnce);
        await connection.NextPacketAsync<PublishPacket>();

        await _client.DisconnectAsync().WaitAsync(Timeout);

        await Assert.ThrowsAsync<MqttClientStoppedException>(() => pending.WaitAsync(Timeout));
        Assert.IsType<DisconnectPacket>(await connection.NextPacketAsync());
        Assert.Equal(MqttClientState.Disconnected, _client.State);
    }

    [Theory]
    [InlineData(ConnectReturnCode.BadUserNameOrPassword, "the broker refused the user name or password (return code 4)")]
    [InlineData(ConnectReturnCode.NotAuthorized, "not authorised (return code 5)")]
    [InlineData(ConnectReturnCode.IdentifierRejected, "client identifier (return code 2)")]
    public async Task Connect_Refused_ThrowsWithReturnCodeAndClearMessage(ConnectReturnCode code, string message)
    {
        _broker.AnswerConnect = _ => new ConnAckPacket(false, code);

        var error = await Assert.ThrowsAsync<MqttConnectException>(() => _client.ConnectAsync().WaitAsync(Timeout));

        Assert.Equal(code, error.ReturnCode);
        Assert.Contains(message, error.Message);
        Assert.Equal(MqttClientState.Disconnected, _client.State);
    }

    [Fact]
    public async Task Subscribe_NotConnected_ThrowsNotConnected()
        => await Assert.ThrowsAsync<MqttClientNotConnectedException>(() => _client.SubscribeAsync("a"));

    private MqttClient CreateClient(Action<MqttClientOptions> configure)
    {
        var options = new MqttClientOptions
        {
            Host = "fake",
            ClientId = "unit",
            KeepAlive = KeepAlive,
            TimeProvider = _time,
            ReconnectMinDelay = TimeSpan.FromSeconds(1),
            ReconnectMaxDelay = TimeSpan.FromSeconds(4),
        };
        configure(options);
        var client = new MqttClient(options, null, _broker.CreateChannel);
        client.StateChanged += (_, change) =>
        {
            lock (_changes)
            {
                _changes.Add(change);
            }
        };
        return client;
    }

    private Task<MqttClientStateChangedEventArgs> NextState(MqttClientState state)
    {
        var next = new TaskCompletionSource<MqttClientStateChangedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        _client.StateChanged += (_, change) =>
        {
            if (change.State == state)
            {
                next.TrySetResult(change);
            }
        };
        return next.Task;
    }

    /// <summary>Moves the fake clock a second at a time (through the backoff) until the client opens a new connection.</summary>
    private async Task<FakeBrokerConnection> AdvanceUntilNewConnectionAsync()
    {
        int before = _broker.ConnectionCount;
        await AdvanceUntilAsync(() => _broker.ConnectionCount > before && _client.State == MqttClientState.Connected);
        return _broker.Connections[^1];
    }

    private async Task AdvanceUntilAsync(Func<bool> condition) => await Wait.UntilAsync(() =>
    {
        if (!condition())
        {
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        return condition();
    }, Timeout);

    private static byte[] Payload(int i) => Encoding.UTF8.GetBytes($"message {i}");
}
