using Lockers.Mqtt.Client;
using Lockers.Mqtt.Packets;
using Lockers.Mqtt.Tests.Broker;
using Lockers.Testing;
using Lockers.Testing.Mosquitto;
using MQTTnet;
using MQTTnet.Protocol;
using Xunit.Abstractions;

namespace Lockers.Mqtt.Tests.Interop;

/// <summary>
/// Our client and MQTTnet 5 (an independent .NET implementation) exchange messages both ways through a real Mosquitto
/// (the inherited tests: QoS 0 and 1, retained, payloads byte for byte), and each side's last will reaches the other,
/// retained for a late subscriber as a locker's "offline" status is (docs/protocol.md).
/// </summary>
public sealed class MqttNetInteropTests(ITestOutputHelper output) : InteropTests(output)
{
    private MqttNetClients _mqttNet = null!;

    private protected override IExternalMqttClients CreateTheirs(MosquittoBroker broker) => _mqttNet = new MqttNetClients(broker);

    [Fact]
    public async Task OurWill_TheirSubscriber_ReceivesItWhenOurLinkDrops_AndLateSubscriberGetsItRetained()
    {
        string status = TestIds.Topic(suffix: "status");
        var watcher = await _mqttNet.SubscribeAsync(status, 1, 1, nameof(OurWill_TheirSubscriber_ReceivesItWhenOurLinkDrops_AndLateSubscriberGetsItRetained));
        var locker = await Ours.ConnectAsync("locker", options =>
            options.Will = new MqttWill(status, "offline".Utf8(), MqttQos.AtLeastOnce, Retain: true));

        await locker.AbortAsync().WaitAsync(MqttNetClients.Timeout); // no DISCONNECT: the broker must publish the will

        var will = await watcher.NextMessageAsync();
        Assert.Equal((status, "offline", 1), (will.Topic, System.Text.Encoding.UTF8.GetString(will.Payload), will.Qos));
        var late = await (await _mqttNet.SubscribeAsync(status, 1, 1, "late")).NextMessageAsync();
        Assert.True(late.Retain, "the will was published retained");
        Assert.Equal("offline", System.Text.Encoding.UTF8.GetString(late.Payload));
    }

    [Fact]
    public async Task TheirWill_OurSubscriber_ReceivesItWhenTheirLinkDrops_AndLateSubscriberGetsItRetained()
    {
        string status = TestIds.Topic(suffix: "status");
        var watcher = await Ours.ConnectAsync("watcher");
        (await watcher.SubscribeAsync(status, MqttQos.AtLeastOnce)).EnsureGranted();
        var locker = await _mqttNet.ConnectAsync(_mqttNet.Options(nameof(TheirWill_OurSubscriber_ReceivesItWhenTheirLinkDrops_AndLateSubscriberGetsItRetained), "locker")
            .WithWillTopic(status)
            .WithWillPayload("offline"u8.ToArray())
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithWillRetain()
            .Build());

        // MQTTnet's Dispose closes the socket without a DISCONNECT packet, as a crash or a cut cable would.
        locker.Dispose();

        var will = await watcher.NextMessageAsync(MqttNetClients.Timeout);
        Assert.Equal((status, "offline", MqttQos.AtLeastOnce), (will.Topic, will.Text(), will.Qos));
        var late = await Ours.ConnectAsync("late");
        (await late.SubscribeAsync(status, MqttQos.AtLeastOnce)).EnsureGranted();
        var retained = await late.NextMessageAsync(MqttNetClients.Timeout);
        Assert.True(retained.Retain, "the will was published retained");
        Assert.Equal("offline", retained.Text());
    }
}
