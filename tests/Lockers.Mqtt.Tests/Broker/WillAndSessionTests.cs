using Lockers.Mqtt.Client;
using Lockers.Mqtt.Packets;
using Lockers.Testing;
using Xunit.Abstractions;

namespace Lockers.Mqtt.Tests.Broker;

/// <summary>Last will on an abrupt close, no will on DISCONNECT, and persistent sessions.</summary>
public sealed class WillAndSessionTests(ITestOutputHelper output) : BrokerTest(output)
{
    [Fact]
    public async Task AbruptSocketClose_WithoutDisconnect_BrokerPublishesWill()
    {
        string statusTopic = TestIds.Topic(suffix: "status");
        var watcher = await Clients.ConnectAsync("watcher");
        await watcher.SubscribeAsync(statusTopic, MqttQos.AtLeastOnce);
        var locker = await Clients.ConnectAsync("locker", options =>
            options.Will = new MqttWill(statusTopic, "offline".Utf8(), MqttQos.AtLeastOnce, Retain: false));

        await locker.AbortAsync().WaitAsync(TimeSpan.FromSeconds(10));

        var will = await watcher.NextMessageAsync();
        Assert.Equal(statusTopic, will.Topic);
        Assert.Equal("offline", will.Text());
    }

    [Fact]
    public async Task GracefulDisconnect_BrokerDiscardsWill()
    {
        string statusTopic = TestIds.Topic(suffix: "status");
        string marker = TestIds.Topic(suffix: "marker");
        var watcher = await Clients.ConnectAsync("watcher");
        await watcher.SubscribeAsync(new[] { new MqttSubscription(statusTopic, MqttQos.AtLeastOnce), new MqttSubscription(marker, MqttQos.AtLeastOnce) });
        var locker = await Clients.ConnectAsync("locker", options =>
            options.Will = new MqttWill(statusTopic, "offline".Utf8(), MqttQos.AtLeastOnce, Retain: false));

        await locker.DisconnectAsync().WaitAsync(TimeSpan.FromSeconds(10));
        await Wait.UntilAsync(() => Broker.Log.Contains($"Client {locker.Options.ClientId} disconnected"), TimeSpan.FromSeconds(10), "the broker to log the disconnect");
        await watcher.PublishAsync(marker, "marker".Utf8(), MqttQos.AtLeastOnce);

        Assert.Equal(marker, (await watcher.NextMessageAsync()).Topic);
        Assert.Equal(MqttClientState.Disconnected, locker.State);
    }

    [Fact]
    public async Task PersistentSession_Qos1PublishedWhileOffline_DeliveredOnReconnect()
    {
        string topic = TestIds.Topic();
        var options = Clients.Options("persistent");
        options.CleanSession = false;
        var (first, _) = Clients.Create(options);
        await first.ConnectAsync().WaitAsync(TimeSpan.FromSeconds(10));
        await first.SubscribeAsync(topic, MqttQos.AtLeastOnce);
        await first.DisconnectAsync().WaitAsync(TimeSpan.FromSeconds(10));

        var publisher = await Clients.ConnectAsync("pub");
        for (int i = 0; i < 10; i++)
        {
            await publisher.PublishAsync(topic, i.ToString().Utf8(), MqttQos.AtLeastOnce).WaitAsync(TimeSpan.FromSeconds(10));
        }

        // A new client object with the same id: nothing but the broker's session carries the messages over.
        var (second, _) = Clients.Create(options);
        await second.ConnectAsync().WaitAsync(TimeSpan.FromSeconds(10));
        for (int i = 0; i < 10; i++)
        {
            var message = await second.NextMessageAsync();
            Assert.Equal(i.ToString(), message.Text());
            Assert.Equal(MqttQos.AtLeastOnce, message.Qos);
        }
    }
}
