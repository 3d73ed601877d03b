using System.Runtime.CompilerServices;
using Lockers.Mqtt.Client;
using Lockers.Mqtt.Packets;
using Lockers.Mqtt.Tests.Broker;
using Lockers.Testing;
using Lockers.Testing.Mosquitto;
using Xunit.Abstractions;

namespace Lockers.Mqtt.Tests.Interop;

/// <summary>
/// Our client and another implementation (<see cref="CreateTheirs"/>) exchange messages both ways through a real
/// Mosquitto: QoS 0 and 1, retained messages, binary and UTF-8 payloads byte for byte. Each subclass names the other:
/// mosquitto_pub/sub (C), MQTT.js (node) and MQTTnet (.NET, in process).
/// </summary>
public abstract class InteropTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly ITestOutputHelper _output;
    private MosquittoBroker _broker = null!;
    private BrokerClients _ours = null!;
    private IExternalMqttClients _theirs = null!;

    protected InteropTests(ITestOutputHelper output) => _output = output;

    private protected abstract IExternalMqttClients CreateTheirs(MosquittoBroker broker);

    /// <summary>The test's broker, for subclasses' own tests.</summary>
    private protected MosquittoBroker Broker => _broker;

    /// <summary>Our clients on <see cref="Broker"/>, disposed after the test.</summary>
    private protected BrokerClients Ours => _ours;

    public async Task InitializeAsync()
    {
        _broker = await MosquittoBroker.StartNewAsync();
        _ours = new BrokerClients(_broker, _output);
        _theirs = CreateTheirs(_broker);
    }

    public async Task DisposeAsync()
    {
        await _theirs.DisposeAsync();
        await _ours.DisposeAsync();
        await _broker.DisposeAsync();
    }

    [Theory]
    [InlineData(MqttQos.AtMostOnce)]
    [InlineData(MqttQos.AtLeastOnce)]
    public async Task OurPublish_TheirSubscriber_ReceivesPayloadAndQos(MqttQos qos)
    {
        string topic = TestIds.Topic();
        var subscriber = await _theirs.SubscribeAsync(topic, 1, 1, TestName());
        var publisher = await _ours.ConnectAsync("pub");

        await publisher.PublishAsync(topic, "door 17 opened".Utf8(), qos).WaitAsync(Timeout);

        var message = await subscriber.NextMessageAsync();
        Assert.Equal(topic, message.Topic);
        Assert.Equal("door 17 opened", System.Text.Encoding.UTF8.GetString(message.Payload));
        Assert.Equal((int)qos, message.Qos);
        Assert.False(message.Retain);
    }

    [Fact]
    public async Task TheirPublishQos1_OurSubscriber_ReceivesPayloadWithQos1()
    {
        string topic = TestIds.Topic();
        var subscriber = await SubscribedClientAsync(topic);

        await _theirs.PublishAsync(topic, "parcel deposited".Utf8(), 1, false, TestName());

        var message = await subscriber.NextMessageAsync(Timeout);
        Assert.Equal(topic, message.Topic);
        Assert.Equal("parcel deposited", message.Text());
        Assert.Equal(MqttQos.AtLeastOnce, message.Qos);
        Assert.False(message.Retain);
    }

    [Fact]
    public async Task TheirRetained_OurLateSubscriber_ReceivesItWithRetainFlag()
    {
        string topic = TestIds.Topic();
        await _theirs.PublishAsync(topic, "online".Utf8(), 1, true, TestName());

        var lateSubscriber = await SubscribedClientAsync(topic);

        var message = await lateSubscriber.NextMessageAsync(Timeout);
        Assert.Equal("online", message.Text());
        Assert.True(message.Retain);
    }

    [Fact]
    public async Task OurRetained_TheirLateSubscriber_ReceivesItWithRetainFlag()
    {
        string topic = TestIds.Topic();
        var publisher = await _ours.ConnectAsync("pub");
        await publisher.PublishAsync(topic, "offline".Utf8(), MqttQos.AtLeastOnce, retain: true).WaitAsync(Timeout);

        var lateSubscriber = await _theirs.SubscribeAsync(topic, 1, 1, TestName());

        var message = await lateSubscriber.NextMessageAsync();
        Assert.Equal("offline", System.Text.Encoding.UTF8.GetString(message.Payload));
        Assert.True(message.Retain);
        Assert.Equal(1, message.Qos);
    }

    [Theory]
    [InlineData("binary")]
    [InlineData("utf8")]
    public async Task OurPayload_TheirSubscriber_ArrivesByteForByte(string payloadName)
    {
        string topic = TestIds.Topic();
        byte[] payload = InteropPayloads.Named(payloadName);
        var subscriber = await _theirs.SubscribeAsync(topic, 1, 1, TestName());
        var publisher = await _ours.ConnectAsync("pub");

        await publisher.PublishAsync(topic, payload, MqttQos.AtLeastOnce).WaitAsync(Timeout);

        Assert.Equal(payload, (await subscriber.NextMessageAsync()).Payload);
    }

    [Theory]
    [InlineData("binary")]
    [InlineData("utf8")]
    public async Task TheirPayload_OurSubscriber_ArrivesByteForByte(string payloadName)
    {
        string topic = TestIds.Topic();
        byte[] payload = InteropPayloads.Named(payloadName);
        var subscriber = await SubscribedClientAsync(topic);

        await _theirs.PublishAsync(topic, payload, 1, false, TestName());

        Assert.Equal(payload, (await subscriber.NextMessageAsync(Timeout)).Payload.ToArray());
    }

    private static string TestName([CallerMemberName] string testName = "") => testName;

    private async Task<MqttClient> SubscribedClientAsync(string topic, [CallerMemberName] string testName = "")
    {
        var client = await _ours.ConnectAsync("sub", testName: testName);
        (await client.SubscribeAsync(topic, MqttQos.AtLeastOnce)).EnsureGranted();
        return client;
    }
}
