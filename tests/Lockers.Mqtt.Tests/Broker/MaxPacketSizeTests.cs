using Lockers.Mqtt.Client;
using Lockers.Mqtt.Packets;
using Lockers.Testing;
using Lockers.Testing.Mosquitto;
using Xunit.Abstractions;

namespace Lockers.Mqtt.Tests.Broker;

/// <summary>A packet over the client's MaxIncomingPacketSize closes the connection with a clear log line.</summary>
public sealed class MaxPacketSizeTests : IAsyncLifetime
{
    private readonly ITestOutputHelper _output;
    private MosquittoBroker _broker = null!;
    private BrokerClients _clients = null!;

    public MaxPacketSizeTests(ITestOutputHelper output) => _output = output;

    public async Task InitializeAsync()
    {
        _broker = await MosquittoBroker.StartNewAsync();
        _clients = new BrokerClients(_broker, _output);
    }

    public async Task DisposeAsync()
    {
        await _clients.DisposeAsync();
        await _broker.DisposeAsync();
    }

    [Fact]
    public async Task IncomingPacketOverLimit_ClosesConnectionWithClearLog()
    {
        string topic = TestIds.Topic();
        var options = _clients.Options("small-limit");
        options.MaxIncomingPacketSize = 1024;
        options.AutoReconnect = false;
        var (client, log) = _clients.Create(options);
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
        var publisher = await _clients.ConnectAsync("pub");

        await publisher.PublishAsync(topic, new byte[500], MqttQos.AtMostOnce);
        await publisher.PublishAsync(topic, new byte[4000], MqttQos.AtMostOnce);

        Assert.Equal(500, (await client.NextMessageAsync()).Payload.Length);
        var change = await disconnected.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Contains("exceeds the maximum of 1024", change.Reason);
        Assert.Contains(log.Lines, line => line.StartsWith("Error:") && line.Contains("exceeds the maximum of 1024"));
    }
}
