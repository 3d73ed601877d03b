using System.Diagnostics;
using System.Text.RegularExpressions;
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
/// What ADR 0016 says the gateway's link needs and MQTTnet 5 (5.2.0.1603, its defaults plus the options named) does
/// differently, each shown side by side through one Mosquitto. These pin a third-party library's behaviour: when one
/// fails after an MQTTnet upgrade, the ADR's reasons must be looked at again, not the test loosened.
/// </summary>
public sealed class MqttNetComparisonTests(ITestOutputHelper output) : BrokerTest(output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private MqttNetClients? _mqttNet;

    private MqttNetClients MqttNet => _mqttNet ??= new MqttNetClients(Broker);

    // Mosquitto logs every PUBACK it receives at debug level, with the packet id: the order on the wire.
    private protected override MosquittoBrokerOptions BrokerOptions()
    {
        var options = new MosquittoBrokerOptions();
        options.ExtraConfig.Add("log_type debug");
        return options;
    }

    [Fact]
    public async Task BrokerRestart_OursReconnectsByItself_MqttNetStaysDisconnected()
    {
        var ours = await Clients.ConnectAsync("ours");
        var back = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bool lost = false;
        ours.StateChanged += (_, change) =>
        {
            if (change.State == MqttClientState.Reconnecting) lost = true;
            if (change.State == MqttClientState.Connected && lost) back.TrySetResult();
        };
        var theirs = await MqttNet.ConnectAsync(MqttNet.Options(nameof(BrokerRestart_OursReconnectsByItself_MqttNetStaysDisconnected), "theirs").Build());
        var theirsLost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        theirs.DisconnectedAsync += _ => { theirsLost.TrySetResult(); return Task.CompletedTask; };

        await Broker.KillAsync();
        await theirsLost.Task.WaitAsync(Timeout);
        await Broker.StartAsync();
        await back.Task.WaitAsync(Timeout);

        // MQTTnet 5 has no reconnect (its managed client was dropped in 5.0): the application must write one.
        Assert.False(theirs.IsConnected, "MQTTnet reconnected by itself");
        await Assert.ThrowsAnyAsync<Exception>(() => theirs.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(TestIds.Topic()).Build()));
    }

    [Fact]
    public async Task ManualAcknowledgement_SecondAcknowledgedFirst_OursSendsPubAcksInArrivalOrder_MqttNetInAcknowledgementOrder()
    {
        string topic = TestIds.Topic();
        var ours = await Clients.ConnectAsync("ours", options => options.ManualAcknowledgement = true);
        (await ours.SubscribeAsync(topic, MqttQos.AtLeastOnce)).EnsureGranted();
        var theirsReceived = new List<MqttApplicationMessageReceivedEventArgs>();
        var theirsGotTwo = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var theirsOptions = MqttNet.Options(nameof(ManualAcknowledgement_SecondAcknowledgedFirst_OursSendsPubAcksInArrivalOrder_MqttNetInAcknowledgementOrder), "theirs").Build();
        var theirs = await MqttNet.ConnectAsync(theirsOptions, e =>
        {
            e.AutoAcknowledge = false; // commit first, acknowledge later, as the gateway's link does
            lock (theirsReceived)
            {
                theirsReceived.Add(e);
                if (theirsReceived.Count == 2) theirsGotTwo.TrySetResult();
            }
            return Task.CompletedTask;
        });
        await theirs.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(topic, MqttQualityOfServiceLevel.AtLeastOnce).Build());
        var publisher = await Clients.ConnectAsync("pub");
        await publisher.PublishAsync(topic, "event-1".Utf8(), MqttQos.AtLeastOnce).WaitAsync(Timeout);
        await publisher.PublishAsync(topic, "event-2".Utf8(), MqttQos.AtLeastOnce).WaitAsync(Timeout);

        var first = await ours.NextMessageAsync(Timeout);
        var second = await ours.NextMessageAsync(Timeout);
        await ours.AcknowledgeAsync(second).WaitAsync(Timeout); // held until the first is acknowledged
        await ours.AcknowledgeAsync(first).WaitAsync(Timeout);
        await theirsGotTwo.Task.WaitAsync(Timeout);
        await theirsReceived[1].AcknowledgeAsync(CancellationToken.None).WaitAsync(Timeout);
        await theirsReceived[0].AcknowledgeAsync(CancellationToken.None).WaitAsync(Timeout);

        var oursAcks = await PubAcksAsync(ours.Options.ClientId, 2);
        var theirsAcks = await PubAcksAsync(theirsOptions.ClientId, 2);
        // The broker numbers the messages it sends each client in order: a rising sequence is arrival order.
        Assert.True(oursAcks[0] < oursAcks[1], $"ours acknowledged packet ids {string.Join(", ", oursAcks)}: not in arrival order");
        Assert.True(theirsAcks[0] > theirsAcks[1], $"MQTTnet acknowledged packet ids {string.Join(", ", theirsAcks)}: in arrival order after all");
    }

    [Fact]
    public async Task StaleAcknowledgementAfterReconnect_OursDropsIt_MqttNetAcknowledgesTheRedeliveredCopy()
    {
        string topic = TestIds.Topic();
        var publisher = await Clients.ConnectAsync("pub");

        // Ours: persistent session, manual acknowledgement; the first copy is acknowledged only after a reconnect.
        var ours = await Clients.ConnectAsync("ours", options =>
        {
            options.ManualAcknowledgement = true;
            options.CleanSession = false;
        });
        (await ours.SubscribeAsync(topic, MqttQos.AtLeastOnce)).EnsureGranted();

        // MQTTnet: the same, through its AutoAcknowledge = false and AcknowledgeAsync.
        var theirsReceived = System.Threading.Channels.Channel.CreateUnbounded<MqttApplicationMessageReceivedEventArgs>();
        var theirsOptions = MqttNet.Options(nameof(StaleAcknowledgementAfterReconnect_OursDropsIt_MqttNetAcknowledgesTheRedeliveredCopy), "theirs")
            .WithCleanSession(false).Build();
        var theirs = await MqttNet.ConnectAsync(theirsOptions, e =>
        {
            e.AutoAcknowledge = false;
            theirsReceived.Writer.TryWrite(e);
            return Task.CompletedTask;
        });
        await theirs.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(topic, MqttQualityOfServiceLevel.AtLeastOnce).Build());

        await publisher.PublishAsync(topic, "event-1".Utf8(), MqttQos.AtLeastOnce).WaitAsync(Timeout);
        var oursFirstCopy = await ours.NextMessageAsync(Timeout);
        var theirsFirstCopy = await theirsReceived.Reader.ReadAsync().AsTask().WaitAsync(Timeout);

        // The link drops and comes back before the application finished with event-1; the broker redelivers it.
        await ours.DisconnectAsync().WaitAsync(Timeout);
        await ours.ConnectAsync().WaitAsync(Timeout);
        await theirs.DisconnectAsync(new MqttClientDisconnectOptions());
        await theirs.ConnectAsync(theirsOptions).WaitAsync(Timeout);
        var oursRedelivered = await ours.NextMessageAsync(Timeout);
        var theirsRedelivered = await theirsReceived.Reader.ReadAsync().AsTask().WaitAsync(Timeout);
        Assert.True(oursRedelivered.Dup && theirsRedelivered.ApplicationMessage.Dup, "the broker redelivered event-1 to both");

        // Now the application acknowledges the copy it had before the reconnect.
        await ours.AcknowledgeAsync(oursFirstCopy).WaitAsync(Timeout);
        await theirsFirstCopy.AcknowledgeAsync(CancellationToken.None).WaitAsync(Timeout);

        // MQTTnet sent it on the new connection, with the id the redelivered copy carries: the broker takes it as that
        // copy's PUBACK although the application has not processed the copy.
        Assert.Single(await PubAcksAsync(theirsOptions.ClientId, 1));
        // Ours dropped it. Proof by order on the wire: the redelivered copy's PUBACK, then a later message's, and none before.
        await ours.AcknowledgeAsync(oursRedelivered).WaitAsync(Timeout);
        await publisher.PublishAsync(topic, "marker".Utf8(), MqttQos.AtLeastOnce).WaitAsync(Timeout);
        var marker = await ours.NextMessageAsync(Timeout);
        await ours.AcknowledgeAsync(marker).WaitAsync(Timeout);
        var oursAcks = await PubAcksAsync(ours.Options.ClientId, 2);
        Assert.Equal(2, oursAcks.Count);
        Assert.Equal(0, ours.UnacknowledgedMessageCount);
    }

    [Fact]
    public async Task FrozenBrokerWhilePublishingQos0_OursFindsTheLinkDeadByKeepAlive_MqttNetStillThinksItIsConnected()
    {
        var keepAlive = TimeSpan.FromSeconds(2);
        string topic = TestIds.Topic();
        var ours = await Clients.ConnectAsync("ours", options =>
        {
            options.KeepAlive = keepAlive;
            options.AutoReconnect = false;
        });
        var oursDead = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        ours.StateChanged += (_, change) =>
        {
            if (change.State == MqttClientState.Disconnected) oursDead.TrySetResult(change.Reason ?? "");
        };
        var theirs = await MqttNet.ConnectAsync(MqttNet.Options(nameof(FrozenBrokerWhilePublishingQos0_OursFindsTheLinkDeadByKeepAlive_MqttNetStillThinksItIsConnected), "theirs")
            .WithKeepAlivePeriod(keepAlive).Build());

        using var stop = new CancellationTokenSource();
        var frozen = Stopwatch.StartNew();
        await Broker.PauseAsync();
        // Telemetry keeps flowing out (QoS 0) on both links while nothing comes back.
        var publishing = Task.Run(async () =>
        {
            var message = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(new byte[100]).Build();
            while (!stop.IsCancellationRequested)
            {
                if (ours.State == MqttClientState.Connected) _ = ours.PublishAsync(topic, new byte[100], MqttQos.AtMostOnce);
                await theirs.PublishAsync(message, stop.Token);
                await Task.Delay(50, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        });

        var reason = await oursDead.Task.WaitAsync(Timeout);
        var oursNoticedAfter = frozen.Elapsed;
        // Give MQTTnet as long again as ours needed, and one keep-alive more.
        var deadline = oursNoticedAfter + oursNoticedAfter + keepAlive;
        while (frozen.Elapsed < deadline && theirs.IsConnected)
        {
            await Task.Delay(100);
        }

        bool theirsStillConnected = theirs.IsConnected;
        stop.Cancel();
        await publishing.WaitAsync(Timeout);
        await Broker.ResumeAsync();
        Output.WriteLine($"ours found the link dead after {oursNoticedAfter.TotalSeconds:0.0} s ({reason}); MQTTnet still connected after {frozen.Elapsed.TotalSeconds:0.0} s: {theirsStillConnected}");
        Assert.Contains("keep-alive timeout", reason);
        Assert.True(theirsStillConnected, "MQTTnet noticed the dead link while publishing");
    }

    [Fact]
    public async Task OversizedInboundMessage_OursRefusesItAtItsLimit_MqttNetTakesItWhole()
    {
        string topic = TestIds.Topic();
        var ours = await Clients.ConnectAsync("ours", options =>
        {
            options.MaxIncomingPacketSize = 64 * 1024;
            options.AutoReconnect = false;
        });
        (await ours.SubscribeAsync(topic, MqttQos.AtMostOnce)).EnsureGranted();
        var oursClosed = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        ours.StateChanged += (_, change) =>
        {
            if (change.State == MqttClientState.Disconnected) oursClosed.TrySetResult(change.Reason ?? "");
        };
        // MQTTnet's MaximumPacketSize is an MQTT 5 CONNECT property: on 3.1.1 nothing limits what it reads.
        var theirs = await MqttNet.SubscribeAsync(topic, 0, 1, nameof(OversizedInboundMessage_OursRefusesItAtItsLimit_MqttNetTakesItWhole));
        var publisher = await Clients.ConnectAsync("pub");

        await publisher.PublishAsync(topic, new byte[4 * 1024 * 1024], MqttQos.AtMostOnce).WaitAsync(Timeout);

        Assert.Contains("exceeds the maximum of 65536", await oursClosed.Task.WaitAsync(Timeout));
        Assert.Equal(4 * 1024 * 1024, (await theirs.NextMessageAsync()).Payload.Length);
    }

    /// <summary>The packet ids of the first <paramref name="count"/> PUBACKs the broker received from a client, in order.</summary>
    private async Task<List<int>> PubAcksAsync(string clientId, int count)
    {
        var pattern = new Regex($@"Received PUBACK from {Regex.Escape(clientId)} \(Mid: (\d+)");
        List<int> ids = [];
        await Wait.UntilAsync(() =>
        {
            ids = pattern.Matches(Broker.Log).Select(m => int.Parse(m.Groups[1].Value)).ToList();
            return ids.Count >= count;
        }, Timeout, $"{count} PUBACKs from {clientId} in the broker's log");
        return ids;
    }

    public override async Task DisposeAsync()
    {
        if (_mqttNet is not null) await _mqttNet.DisposeAsync();
        await base.DisposeAsync();
    }
}
