using Lockers.Mqtt.Client;
using Lockers.Mqtt.Packets;
using Lockers.Testing;
using Xunit.Abstractions;

namespace Lockers.Mqtt.Tests.Broker;

/// <summary>QoS 0 and 1 both ways, retained messages and unsubscribe, against a real Mosquitto.</summary>
public sealed class PublishSubscribeTests(ITestOutputHelper output) : BrokerTest(output)
{
    [Theory]
    [InlineData(MqttQos.AtMostOnce, MqttQos.AtMostOnce)]
    [InlineData(MqttQos.AtLeastOnce, MqttQos.AtLeastOnce)]
    [InlineData(MqttQos.AtLeastOnce, MqttQos.AtMostOnce)]
    [InlineData(MqttQos.AtMostOnce, MqttQos.AtLeastOnce)]
    public async Task Publish_SubscribedTopic_ArrivesWithTheLowerQos(MqttQos publishQos, MqttQos subscribeQos)
    {
        string topic = TestIds.Topic();
        var subscriber = await Clients.ConnectAsync("sub");
        var publisher = await Clients.ConnectAsync("pub");
        var granted = await subscriber.SubscribeAsync(topic, subscribeQos);
        Assert.True(granted.AllGranted);
        Assert.Equal(subscribeQos, granted.Items[0].GrantedQos);

        await publisher.PublishAsync(topic, "hello".Utf8(), publishQos).WaitAsync(TimeSpan.FromSeconds(10));

        var message = await subscriber.NextMessageAsync();
        Assert.Equal(topic, message.Topic);
        Assert.Equal("hello", message.Text());
        Assert.Equal((MqttQos)Math.Min((int)publishQos, (int)subscribeQos), message.Qos);
        Assert.False(message.Retain);
        Assert.False(message.Dup);
    }

    [Fact]
    public async Task PublishQos1_Many_AllAcknowledgedAndDeliveredInOrder()
    {
        string topic = TestIds.Topic();
        var subscriber = await Clients.ConnectAsync("sub");
        var publisher = await Clients.ConnectAsync("pub");
        await subscriber.SubscribeAsync(topic, MqttQos.AtLeastOnce);

        var elapsed = System.Diagnostics.Stopwatch.StartNew();
        var publishes = Enumerable.Range(0, 500).Select(i => publisher.PublishAsync(topic, i.ToString().Utf8(), MqttQos.AtLeastOnce)).ToList();
        await Task.WhenAll(publishes).WaitAsync(TimeSpan.FromSeconds(20));

        for (int i = 0; i < 500; i++)
        {
            Assert.Equal(i.ToString(), (await subscriber.NextMessageAsync()).Text());
        }

        Output.WriteLine($"500 QoS 1 messages published, acknowledged and received in {elapsed.ElapsedMilliseconds} ms.");
        Assert.Equal(0, publisher.InflightPublishCount);
    }

    [Fact]
    public async Task RetainedMessage_LateSubscriber_ReceivesItWithRetainFlag()
    {
        string topic = TestIds.Topic();
        var publisher = await Clients.ConnectAsync("pub");
        await publisher.PublishAsync(topic, "online".Utf8(), MqttQos.AtLeastOnce, retain: true).WaitAsync(TimeSpan.FromSeconds(10));

        var lateSubscriber = await Clients.ConnectAsync("late-sub");
        await lateSubscriber.SubscribeAsync(topic, MqttQos.AtLeastOnce);

        var message = await lateSubscriber.NextMessageAsync();
        Assert.Equal("online", message.Text());
        Assert.True(message.Retain);
    }

    [Fact]
    public async Task Unsubscribe_ThenPublish_MessageNoLongerArrives()
    {
        string topic = TestIds.Topic();
        string marker = TestIds.Topic(suffix: "marker");
        var subscriber = await Clients.ConnectAsync("sub");
        var publisher = await Clients.ConnectAsync("pub");
        await subscriber.SubscribeAsync(topic, MqttQos.AtLeastOnce);
        await subscriber.SubscribeAsync(marker, MqttQos.AtLeastOnce);

        await subscriber.UnsubscribeAsync(topic).WaitAsync(TimeSpan.FromSeconds(10));
        await publisher.PublishAsync(topic, "gone".Utf8(), MqttQos.AtLeastOnce);
        await publisher.PublishAsync(marker, "marker".Utf8(), MqttQos.AtLeastOnce);

        // Per-client ordering: once the later marker arrives, the earlier message would have arrived before it.
        Assert.Equal(marker, (await subscriber.NextMessageAsync()).Topic);
    }

    [Fact]
    public async Task PublishQos2_IsRefusedWithArgumentException()
    {
        var client = await Clients.ConnectAsync("pub");
        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.PublishAsync(TestIds.Topic(), "x".Utf8(), MqttQos.ExactlyOnce));
        Assert.Contains("QoS 2", error.Message);
    }
}
