using Lockers.Core.Protocol;
using Lockers.Mqtt.Client;
using Lockers.Mqtt.Packets;
using Lockers.Testing.Mosquitto;

namespace Lockers.Bench.Gateway;

/// <summary>
/// The bare MQTT baseline: one client where the gateway's link would be, subscribed to every locker's events at
/// QoS 1, that publishes each event's payload back on that locker's cmd topic at QoS 1. No store, no code check,
/// no signing: what the broker and the clients cost for the same request and response.
/// </summary>
public sealed class EchoResponder : IAsyncDisposable
{
    private readonly MqttClient _client;
    private readonly Task _loop;

    private EchoResponder(MqttClient client)
    {
        _client = client;
        _loop = Task.Run(EchoAsync);
    }

    public static async Task<EchoResponder> StartAsync(MosquittoBroker broker)
    {
        var client = new MqttClient(new MqttClientOptions
        {
            Host = broker.Host,
            Port = broker.Port,
            ClientId = BenchBroker.EchoIdentity,
            UserName = MosquittoBrokerOptions.DefaultUser,
            Password = MosquittoBrokerOptions.DefaultPassword,
            Tls = broker.ClientTls(BenchBroker.EchoIdentity),
            AutoReconnect = false,
        });
        await client.ConnectAsync();
        (await client.SubscribeAsync(Topics.AllLockers(Channels.Event), MqttQos.AtLeastOnce)).EnsureGranted();
        return new EchoResponder(client);
    }

    public async ValueTask DisposeAsync()
    {
        await _client.DisposeAsync();
        await _loop.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task EchoAsync()
    {
        try
        {
            await foreach (var message in _client.Messages.ReadAllAsync())
            {
                if (Topics.TryParse(message.Topic, out var lockerId, out _))
                {
                    await _client.PublishAsync(Topics.Command(lockerId), message.Payload, MqttQos.AtLeastOnce);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or MqttClientStoppedException or MqttClientNotConnectedException or ObjectDisposedException)
        {
        }
    }
}
