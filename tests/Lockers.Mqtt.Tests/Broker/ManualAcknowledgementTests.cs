using System.Runtime.CompilerServices;
using Lockers.Mqtt.Client;
using Lockers.Mqtt.Packets;
using Lockers.Testing;
using Xunit.Abstractions;

namespace Lockers.Mqtt.Tests.Broker;

/// <summary>Manual acknowledgement on a persistent session: what was received but not acknowledged comes back.</summary>
public sealed class ManualAcknowledgementTests(ITestOutputHelper output) : BrokerTest(output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ReceivedNotAcknowledged_ConnectionAborted_RedeliveredWithDupAfterReconnect()
    {
        string topic = TestIds.Topic();
        var (gateway, _) = Clients.Create(PersistentManualOptions("gateway"));
        await gateway.ConnectAsync().WaitAsync(Timeout);
        (await gateway.SubscribeAsync(topic, MqttQos.AtLeastOnce)).EnsureGranted();
        var publisher = await Clients.ConnectAsync("pub");
        await publisher.PublishAsync(topic, "event-1".Utf8(), MqttQos.AtLeastOnce).WaitAsync(Timeout);

        var received = await gateway.NextMessageAsync();
        Assert.Equal("event-1", received.Text());
        Assert.False(received.Dup);
        await gateway.AbortAsync().WaitAsync(Timeout); // "crashed" before committing: no PUBACK was sent
        await gateway.ConnectAsync().WaitAsync(Timeout);

        var redelivered = await gateway.NextMessageAsync();
        Assert.Equal("event-1", redelivered.Text());
        Assert.True(redelivered.Dup);
        Assert.Equal(MqttQos.AtLeastOnce, redelivered.Qos);

        // The copy from the dead connection cannot be acknowledged any more; the redelivery can, and then stays acknowledged.
        await gateway.AcknowledgeAsync(received).WaitAsync(Timeout);
        await gateway.AcknowledgeAsync(redelivered).WaitAsync(Timeout);
        Assert.Equal(0, gateway.UnacknowledgedMessageCount);
        await gateway.DisconnectAsync().WaitAsync(Timeout);
        await gateway.ConnectAsync().WaitAsync(Timeout);
        await publisher.PublishAsync(topic, "marker".Utf8(), MqttQos.AtLeastOnce).WaitAsync(Timeout);
        Assert.Equal("marker", (await gateway.NextMessageAsync()).Text());
    }

    [Fact]
    public async Task ReadButNeverAcknowledged_ProcessCrash_NewClientWithSameIdGetsThemAgainInOrderWithDup()
    {
        string topic = TestIds.Topic();
        var options = PersistentManualOptions("gateway");
        var (crashed, _) = Clients.Create(options);
        await crashed.ConnectAsync().WaitAsync(Timeout);
        (await crashed.SubscribeAsync(topic, MqttQos.AtLeastOnce)).EnsureGranted();
        var publisher = await Clients.ConnectAsync("pub");
        for (int i = 1; i <= 3; i++)
        {
            await publisher.PublishAsync(topic, $"event-{i}".Utf8(), MqttQos.AtLeastOnce).WaitAsync(Timeout);
        }

        for (int i = 1; i <= 3; i++)
        {
            Assert.Equal($"event-{i}", (await crashed.NextMessageAsync()).Text());
        }

        Assert.Equal(3, crashed.UnacknowledgedMessageCount);
        await crashed.AbortAsync().WaitAsync(Timeout); // the process dies before committing anything

        // A new client object with the same id: only the broker's session carries the messages over.
        var (restarted, _) = Clients.Create(options);
        await restarted.ConnectAsync().WaitAsync(Timeout);
        for (int i = 1; i <= 3; i++)
        {
            var message = await restarted.NextMessageAsync();
            Assert.Equal($"event-{i}", message.Text());
            Assert.True(message.Dup);
            await restarted.AcknowledgeAsync(message).WaitAsync(Timeout);
        }

        Assert.Equal(0, restarted.UnacknowledgedMessageCount);
    }

    private MqttClientOptions PersistentManualOptions(string role, [CallerMemberName] string testName = "")
    {
        var options = Clients.Options(role, testName);
        options.CleanSession = false;
        options.ManualAcknowledgement = true;
        return options;
    }
}
