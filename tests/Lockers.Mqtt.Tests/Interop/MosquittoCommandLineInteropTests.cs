using System.Runtime.CompilerServices;
using Lockers.Mqtt.Client;
using Lockers.Mqtt.Packets;
using Lockers.Mqtt.Tests.Broker;
using Lockers.Testing;
using Lockers.Testing.Mosquitto;
using Xunit.Abstractions;

namespace Lockers.Mqtt.Tests.Interop;

/// <summary>
/// Our client and Mosquitto's own command-line clients (mosquitto_pub, mosquitto_sub: libmosquitto, C) exchange messages
/// both ways through a real Mosquitto: the same commands docs/protocol.md tells operators to replay.
/// </summary>
public sealed class MosquittoCommandLineInteropTests : IAsyncLifetime
{
    private readonly ITestOutputHelper _output;
    private MosquittoBroker _broker = null!;
    private BrokerClients _ours = null!;
    private MosquittoCommandLineClients _tools = null!;

    public MosquittoCommandLineInteropTests(ITestOutputHelper output) => _output = output;

    public async Task InitializeAsync()
    {
        _broker = await MosquittoBroker.StartNewAsync();
        _ours = new BrokerClients(_broker, _output);
        _tools = new MosquittoCommandLineClients(_broker);
    }

    public async Task DisposeAsync()
    {
        await _tools.DisposeAsync();
        await _ours.DisposeAsync();
        await _broker.DisposeAsync();
    }

    [Theory]
    [InlineData(MqttQos.AtMostOnce)]
    [InlineData(MqttQos.AtLeastOnce)]
    public async Task OurPublish_MosquittoSub_ReceivesPayloadAndQos(MqttQos qos)
    {
        string topic = TestIds.Topic();
        var subscriber = await _tools.SubscribeAsync(topic, qos: 1);
        var publisher = await _ours.ConnectAsync("pub");

        await publisher.PublishAsync(topic, "door 17 opened".Utf8(), qos).WaitAsync(MosquittoCommandLineClients.Timeout);

        var message = await MosquittoCommandLineClients.NextMessageAsync(subscriber);
        Assert.Equal(topic, message.Topic);
        Assert.Equal("door 17 opened", System.Text.Encoding.UTF8.GetString(message.Payload));
        Assert.Equal((int)qos, message.Qos);
        Assert.False(message.Retain);
    }

    [Fact]
    public async Task MosquittoPubQos1_OurSubscriber_ReceivesPayloadWithQos1()
    {
        string topic = TestIds.Topic();
        var subscriber = await SubscribedClientAsync(topic);

        await _tools.PublishAsync(topic, "parcel deposited".Utf8(), qos: 1);

        var message = await subscriber.NextMessageAsync(MosquittoCommandLineClients.Timeout);
        Assert.Equal(topic, message.Topic);
        Assert.Equal("parcel deposited", message.Text());
        Assert.Equal(MqttQos.AtLeastOnce, message.Qos);
        Assert.False(message.Retain);
    }

    [Fact]
    public async Task MosquittoPubRetained_OurLateSubscriber_ReceivesItWithRetainFlag()
    {
        string topic = TestIds.Topic();
        await _tools.PublishAsync(topic, "online".Utf8(), qos: 1, retain: true);

        var lateSubscriber = await SubscribedClientAsync(topic);

        var message = await lateSubscriber.NextMessageAsync(MosquittoCommandLineClients.Timeout);
        Assert.Equal("online", message.Text());
        Assert.True(message.Retain);
    }

    [Fact]
    public async Task OurRetained_MosquittoSubLateSubscriber_ReceivesItWithRetainFlag()
    {
        string topic = TestIds.Topic();
        var publisher = await _ours.ConnectAsync("pub");
        await publisher.PublishAsync(topic, "offline".Utf8(), MqttQos.AtLeastOnce, retain: true).WaitAsync(MosquittoCommandLineClients.Timeout);

        var lateSubscriber = await _tools.SubscribeAsync(topic, qos: 1);

        var message = await MosquittoCommandLineClients.NextMessageAsync(lateSubscriber);
        Assert.Equal("offline", System.Text.Encoding.UTF8.GetString(message.Payload));
        Assert.True(message.Retain);
        Assert.Equal(1, message.Qos);
    }

    [Theory]
    [InlineData("binary")]
    [InlineData("utf8")]
    public async Task OurPayload_MosquittoSub_ArrivesByteForByte(string payloadName)
    {
        string topic = TestIds.Topic();
        byte[] payload = InteropPayloads.Named(payloadName);
        var subscriber = await _tools.SubscribeAsync(topic, qos: 1);
        var publisher = await _ours.ConnectAsync("pub");

        await publisher.PublishAsync(topic, payload, MqttQos.AtLeastOnce).WaitAsync(MosquittoCommandLineClients.Timeout);

        Assert.Equal(payload, (await MosquittoCommandLineClients.NextMessageAsync(subscriber)).Payload);
    }

    [Theory]
    [InlineData("binary")]
    [InlineData("utf8")]
    public async Task MosquittoPubPayload_OurSubscriber_ArrivesByteForByte(string payloadName)
    {
        string topic = TestIds.Topic();
        byte[] payload = InteropPayloads.Named(payloadName);
        var subscriber = await SubscribedClientAsync(topic);

        await _tools.PublishAsync(topic, payload, qos: 1);

        Assert.Equal(payload, (await subscriber.NextMessageAsync(MosquittoCommandLineClients.Timeout)).Payload.ToArray());
    }

    private async Task<MqttClient> SubscribedClientAsync(string topic, [CallerMemberName] string testName = "")
    {
        var client = await _ours.ConnectAsync("sub", testName: testName);
        (await client.SubscribeAsync(topic, MqttQos.AtLeastOnce)).EnsureGranted();
        return client;
    }
}
