using System.Text;
using Lockers.Mqtt.Client;
using Lockers.Mqtt.Packets;
using Lockers.Testing;

namespace Lockers.Mqtt.Tests.Client;

/// <summary>Connect timeout, waiting for queue room, and aborting, against the fake broker and clock.</summary>
public sealed class MqttClientQueueAndTimeoutTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly FakeBroker _broker = new();
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task Connect_NoConnAckWithinTimeout_ThrowsConnectExceptionSayingSo()
    {
        _broker.AnswerConnects = false;
        await using var client = CreateClient(options => options.ConnectTimeout = TimeSpan.FromSeconds(5));

        var connect = client.ConnectAsync();
        await Wait.UntilAsync(() =>
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            return connect.IsCompleted;
        }, Timeout, "the connect timeout");

        var error = await Assert.ThrowsAsync<MqttConnectException>(() => connect);
        Assert.Null(error.ReturnCode);
        Assert.Contains("no CONNACK within 5 s", error.Message);
    }

    [Fact]
    public async Task QueueFull_WaitingConfigured_PublishWaitsForRoomInsteadOfFailing()
    {
        await using var client = CreateClient(options =>
        {
            options.OutgoingQueueCapacity = 1;
            options.WaitWhenOutgoingQueueFull = true;
        });
        var first = client.PublishAsync("t", Payload(1), MqttQos.AtLeastOnce);
        var second = client.PublishAsync("t", Payload(2), MqttQos.AtLeastOnce);
        Assert.False(second.IsCompleted);

        await client.ConnectAsync().WaitAsync(Timeout);

        await Task.WhenAll(first, second).WaitAsync(Timeout);
    }

    [Fact]
    public async Task Abort_NoDisconnectSent_PendingPublishesFail()
    {
        _broker.AcknowledgePublishes = false;
        await using var client = CreateClient(_ => { });
        await client.ConnectAsync().WaitAsync(Timeout);
        var connection = await _broker.NextConnectionAsync();
        var pending = client.PublishAsync("t", Payload(1), MqttQos.AtLeastOnce);
        await connection.NextPacketAsync<PublishPacket>();

        await client.AbortAsync().WaitAsync(Timeout);

        await Assert.ThrowsAsync<MqttClientStoppedException>(() => pending.WaitAsync(Timeout));
        Assert.DoesNotContain(connection.TakeWritten(), packet => packet is DisconnectPacket);
        Assert.Equal(MqttClientState.Disconnected, client.State);
    }

    [Fact]
    public async Task Dispose_ThenPublish_ThrowsObjectDisposed()
    {
        var client = CreateClient(_ => { });
        await client.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.PublishAsync("t", Payload(1)));
        Assert.False(await client.Messages.WaitToReadAsync().AsTask().WaitAsync(Timeout));
    }

    private MqttClient CreateClient(Action<MqttClientOptions> configure)
    {
        var options = new MqttClientOptions { Host = "fake", ClientId = "unit", TimeProvider = _time };
        configure(options);
        return new MqttClient(options, null, _broker.CreateChannel);
    }

    private static byte[] Payload(int i) => Encoding.UTF8.GetBytes($"message {i}");
}
