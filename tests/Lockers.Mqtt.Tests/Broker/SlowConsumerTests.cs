using System.Text.RegularExpressions;
using Lockers.Mqtt.Client;
using Lockers.Mqtt.Packets;
using Lockers.Testing;
using Lockers.Testing.Mosquitto;
using Xunit.Abstractions;

namespace Lockers.Mqtt.Tests.Broker;

/// <summary>An application that stops reading messages must not stall keep-alive or lose QoS 1 messages.</summary>
public sealed class SlowConsumerTests(ITestOutputHelper output) : BrokerTest(output)
{
    private protected override MosquittoBrokerOptions BrokerOptions()
    {
        var options = new MosquittoBrokerOptions();
        options.ExtraConfig.Add("log_type debug"); // PINGREQ lines: the test's evidence that keep-alive periods went by
        return options;
    }

    [Fact]
    public async Task ConsumerBlockedForThreeKeepAlivePeriods_ConnectionStaysUpAndNothingIsLost()
    {
        string topic = TestIds.Topic();
        var consumer = await Clients.ConnectAsync("slow-consumer", options =>
        {
            options.KeepAlive = TimeSpan.FromSeconds(1);
            options.InboundQueueCapacity = 5;
        });
        var changes = new List<MqttClientStateChangedEventArgs>();
        consumer.StateChanged += (_, change) => changes.Add(change);
        var publisher = await Clients.ConnectAsync("pub");
        await consumer.SubscribeAsync(topic, MqttQos.AtLeastOnce);

        // The application does not read: 5 messages fill its queue, 15 wait unacknowledged in the overflow.
        for (int i = 0; i < 20; i++)
        {
            await publisher.PublishAsync(topic, i.ToString().Utf8(), MqttQos.AtLeastOnce).WaitAsync(TimeSpan.FromSeconds(10));
        }

        int pingsBefore = PingCount(consumer.Options.ClientId);
        await Wait.UntilAsync(() => PingCount(consumer.Options.ClientId) >= pingsBefore + 3, TimeSpan.FromSeconds(10),
            "three keep-alive PINGREQs while the application is blocked");

        Assert.Equal(MqttClientState.Connected, consumer.State);
        Assert.Empty(changes);
        for (int i = 0; i < 20; i++)
        {
            Assert.Equal(i.ToString(), (await consumer.NextMessageAsync()).Text());
        }

        Assert.Empty(changes);
    }

    private int PingCount(string clientId) => Regex.Matches(Broker.Log, $"Received PINGREQ from {Regex.Escape(clientId)}").Count;
}
