using Lockers.Mqtt.Client;
using Lockers.Mqtt.Packets;
using Lockers.Testing;
using Xunit.Abstractions;

namespace Lockers.Mqtt.Tests.Broker;

/// <summary>A packet over the client's MaxIncomingPacketSize closes the connection with a clear log line.</summary>
public sealed class MaxPacketSizeTests(ITestOutputHelper output) : BrokerTest(output)
{
    [Fact]
    public async Task IncomingPacketOverLimit_ClosesConnectionWithClearLog()
    {
        string topic = TestIds.Topic();
        var options = Clients.Options("small-limit");
        options.MaxIncomingPacketSize = 1024;
        options.AutoReconnect = false;
        var (client, log) = Clients.Create(options);
        var disconnected = new TaskCompletionSource<MqttClientStateChangedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.StateChanged += (_, change) =>
        {
            if (change.State == MqttClientState.Disconnected)
            {
                disconnected.TrySetResult(change);
            }
        };
        await client.ConnectAsync().WaitAsync(TimeSpan.FromSeconds(10));
        await client.SubscribeAsync(topic, MqttQos.AtMostOnce);
        var publisher = await Clients.ConnectAsync("pub");

        await publisher.PublishAsync(topic, new byte[500], MqttQos.AtMostOnce);
        await publisher.PublishAsync(topic, new byte[4000], MqttQos.AtMostOnce);

        Assert.Equal(500, (await client.NextMessageAsync()).Payload.Length);
        var change = await disconnected.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Contains("exceeds the maximum of 1024", change.Reason);
        Assert.Contains(log.Lines, line => line.StartsWith("Error:") && line.Contains("exceeds the maximum of 1024"));
    }
}
