using Lockers.Core.Protocol;
using Lockers.Hosting;
using Lockers.Testing;
using Lockers.Testing.Mosquitto;

namespace Lockers.Simulator.Tests.Platform;

public class MqttClientLinkTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Publish_BeforeConnected_ReturnsMinusOneAndSubscribeFalse()
    {
        await using var link = new MqttClientLink(Options("127.0.0.1", 1, TestIds.ClientId()));

        Assert.False(link.IsConnected);
        Assert.Equal(-1, link.Publish("lockers/v1/x/event", new byte[] { 1 }, 1, false));
        Assert.False(link.Subscribe("lockers/v1/x/cmd", 1));
    }

    [Fact]
    public async Task Start_BrokerUp_RaisesConnectedThenAcksAndDeliversOnOneThread()
    {
        await using var broker = await MosquittoBroker.StartNewAsync();
        var options = Options(broker.Host, broker.Port, TestIds.ClientId());
        options.Tls = broker.ClientTls();
        await using var link = new MqttClientLink(options);
        var states = new List<bool>();
        var acked = new List<int>();
        var received = new List<string>();
        link.StateChanged += connected => { lock (states) states.Add(connected); };
        link.PublishAcked += id => { lock (acked) acked.Add(id); };
        link.MessageReceived += (topic, _) => { lock (received) received.Add(topic); };
        string topic = TestIds.Topic();

        link.Start();
        await Wait.UntilAsync(() => { lock (states) return states.Contains(true); }, Timeout, "connected");
        Assert.True(link.Subscribe(topic, 1));
        int id = link.Publish(topic, new byte[] { 42 }, 1, false);

        Assert.True(id > 0);
        await Wait.UntilAsync(() => { lock (acked) return acked.Contains(id); }, Timeout, "the PUBACK");
        // The port exposes no SUBACK, so keep publishing (QoS 0) until the subscription delivers one back.
        await Wait.UntilAsync(
            () =>
            {
                link.Publish(topic, new byte[] { 7 }, 0, false);
                lock (received) return received.Contains(topic);
            },
            Timeout,
            "our own message");
    }

    private static Lockers.Mqtt.Client.MqttClientOptions Options(string host, int port, string clientId) =>
        MqttClientLink.OptionsFor(
            host, port, clientId, MosquittoBrokerOptions.DefaultUser, MosquittoBrokerOptions.DefaultPassword,
            "lockers/v1/link-test/status", StatusPayload.Offline().ToJson(), TimeSpan.FromSeconds(10));
}
