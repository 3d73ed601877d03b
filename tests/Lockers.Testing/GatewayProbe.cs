using System.Collections.Concurrent;
using Lockers.Core.Commands;
using Lockers.Core.Protocol;
using Lockers.Mqtt.Client;
using Lockers.Mqtt.Packets;
using Lockers.Testing.Mosquitto;

namespace Lockers.Testing;

/// <summary>
/// Plays the gateway's part over real MQTT: subscribes to one locker's topics with a persistent session (so
/// nothing published while the probe reconnects is lost), records every message, and publishes signed commands.
/// </summary>
public sealed class GatewayProbe : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private readonly MqttClient _client;
    private readonly ConcurrentQueue<MqttApplicationMessage> _received = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly string _lockerId;
    private Task _reader = Task.CompletedTask;

    private GatewayProbe(MqttClient client, string lockerId)
    {
        _client = client;
        _lockerId = lockerId;
    }

    /// <summary>
    /// Connects as <paramref name="clientId"/>; with a broker that takes identities from client certificates, as
    /// <paramref name="identity"/> (default: the default user). Probes for several lockers on such a broker need an identity
    /// each (and an ACL entry each): one identity is one session, so they would take over each other's.
    /// </summary>
    public static async Task<GatewayProbe> ConnectAsync(MosquittoBroker broker, string lockerId, string clientId, string? identity = null)
    {
        var client = new MqttClient(new MqttClientOptions
        {
            Host = broker.Host,
            Port = broker.Port,
            ClientId = clientId,
            CleanSession = false,
            UserName = MosquittoBrokerOptions.DefaultUser,
            Password = MosquittoBrokerOptions.DefaultPassword,
            Tls = broker.ClientTls(identity),
            ReconnectMinDelay = TimeSpan.FromMilliseconds(100),
            ReconnectMaxDelay = TimeSpan.FromMilliseconds(500),
        });
        var probe = new GatewayProbe(client, lockerId);
        await client.ConnectAsync();
        probe._reader = Task.Run(probe.ReadAsync);
        (await client.SubscribeAsync(Topics.Root + "/" + lockerId + "/#", MqttQos.AtLeastOnce)).EnsureGranted();
        return probe;
    }

    public bool IsConnected => _client.State == MqttClientState.Connected;

    /// <summary>Every distinct event received (redeliveries of a seq collapsed), in seq order.</summary>
    public List<LockerEvent> Events() =>
        On(Channels.Event).Select(m => LockerEvent.Parse(m.Payload.ToArray()))
            .GroupBy(e => e.Seq).Select(g => g.First()).OrderBy(e => e.Seq).ToList();

    public List<CommandResultPayload> Results() =>
        On(Channels.CommandResult).Select(m => CommandResultPayload.Parse(m.Payload.ToArray())).ToList();

    public List<StatusPayload> Statuses() =>
        On(Channels.Status).Select(m => StatusPayload.Parse(m.Payload.ToArray())).ToList();

    public Task PublishCommandAsync(byte[] signedJson) =>
        _client.PublishAsync(Topics.Command(_lockerId), signedJson, MqttQos.AtLeastOnce);

    /// <summary>Publishes a signed end-to-end ack (the gateway's confirmation, ADR 0207) on the locker's ack topic.</summary>
    public Task PublishAckAsync(byte[] signedJson) =>
        _client.PublishAsync(Topics.Ack(_lockerId), signedJson, MqttQos.AtLeastOnce);

    public async Task<LockerEvent> WaitForEventAsync(Func<LockerEvent, bool> match, string what)
    {
        await Wait.UntilAsync(() => Events().Any(match), Timeout, what);
        return Events().First(match);
    }

    public async Task<CommandResultPayload> WaitForResultAsync(string commandId)
    {
        await Wait.UntilAsync(() => Results().Any(r => r.CommandId == commandId), Timeout, "cmd/result of " + commandId);
        return Results().First(r => r.CommandId == commandId);
    }

    public Task WaitForStatusAsync(string state) =>
        Wait.UntilAsync(() => Statuses().Count > 0 && Statuses()[^1].State == state, Timeout, "status " + state);

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        await _client.DisposeAsync();
        try
        {
            await _reader;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private List<MqttApplicationMessage> On(string channel)
    {
        var topic = Topics.For(_lockerId, channel);
        return _received.Where(m => m.Topic == topic).ToList();
    }

    private async Task ReadAsync()
    {
        await foreach (var message in _client.Messages.ReadAllAsync(_stop.Token))
        {
            _received.Enqueue(message);
        }
    }
}
