using Lockers.Core.Acks;
using Lockers.Core.Commands;
using Lockers.Core.Config;
using Lockers.Core.Protocol;
using Lockers.Gateway.Tests.Infrastructure;
using System.Runtime.CompilerServices;
using System.Security.Cryptography.X509Certificates;
using Lockers.Mqtt.Channel;
using Lockers.Mqtt.Client;
using Lockers.Mqtt.Packets;
using Lockers.Testing;
using FakeTimeProvider = Lockers.Gateway.Tests.Infrastructure.FakeTimeProvider;

namespace Lockers.Gateway.Tests.EndToEnd;

/// <summary>
/// Plays a locker controller on the wire: a raw MQTT client with the credentials provisioning wrote into the
/// locker's device config. It publishes what the firmware publishes and checks every command it receives with
/// the core's <see cref="CommandVerifier"/> and the locker's own key, as the firmware does.
/// </summary>
public sealed class MqttTestLocker : IAsyncDisposable
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(15);

    private readonly MqttClient _client;
    private readonly CommandVerifier _verifier;
    private readonly FakeTimeProvider _time;
    private long _seq;

    private readonly StrongBox<int> _connections;

    private MqttTestLocker(DeviceConfig config, MqttClient client, FakeTimeProvider time, StrongBox<int> connections)
    {
        _connections = connections;
        Config = config;
        _client = client;
        _time = time;
        _verifier = new CommandVerifier(config.LockerId, config.CommandKey, new TestClock(time), new MemoryStorage());
    }

    public DeviceConfig Config { get; }

    /// <summary>How many times the locker's client connected (reconnects after being knocked off included).</summary>
    public int Connections => Volatile.Read(ref _connections.Value);
    public string Id => Config.LockerId;
    public MqttClient Client => _client;

    /// <summary>The epoch its events carry; null (the default) publishes them as firmware without acknowledgements does.</summary>
    public string? Epoch { get; set; }

    /// <summary>
    /// Connects with the config's broker settings and the TLS files beside it (CA, client certificate and key), retrying
    /// while the broker is still rereading its files after provisioning's SIGHUP; then subscribes to its cmd topic and
    /// publishes its retained birth message.
    /// </summary>
    public static async Task<MqttTestLocker> ConnectAsync(string configPath, FakeTimeProvider time)
    {
        var config = DeviceConfigLoader.Load(await File.ReadAllTextAsync(configPath));
        var client = new MqttClient(new MqttClientOptions
        {
            Host = config.Broker.Host,
            Port = config.Broker.Port,
            ClientId = config.LockerId,
            UserName = config.Broker.Username,
            Password = config.Broker.Password.Length > 0 ? config.Broker.Password : null,
            Tls = TlsFor(config.Broker, Path.GetDirectoryName(Path.GetFullPath(configPath))!),
            Will = new MqttWill(Topics.Status(config.LockerId), StatusPayload.Offline().ToJson(), MqttQos.AtLeastOnce, Retain: true),
            ReconnectMinDelay = TimeSpan.FromMilliseconds(100),
            ReconnectMaxDelay = TimeSpan.FromSeconds(1),
        });
        var connections = new StrongBox<int>();
        var statusTopic = Topics.Status(config.LockerId);
        client.StateChanged += (_, change) =>
        {
            // As the firmware: every connection after the first announces itself with the retained birth again.
            if (change.State == MqttClientState.Connected && Interlocked.Increment(ref connections.Value) > 1)
            {
                _ = client.PublishAsync(statusTopic, StatusPayload.Online("0.1.0-test", 1).ToJson(), MqttQos.AtLeastOnce, retain: true);
            }
        };
        await Wait.UntilAsync(async () =>
        {
            try
            {
                await client.ConnectAsync();
                return true;
            }
            catch (MqttConnectException)
            {
                return false;
            }
        }, ConnectTimeout, $"the broker to let locker {config.LockerId} in");

        (await client.SubscribeAsync(Topics.Command(config.LockerId))).EnsureGranted();
        await client.PublishAsync(statusTopic, StatusPayload.Online("0.1.0-test", 1).ToJson(), MqttQos.AtLeastOnce, retain: true);
        return new MqttTestLocker(config, client, time, connections);
    }

    /// <summary>What the firmware does with the config's TLS files: trust only the CA, present the locker's certificate.</summary>
    public static MqttTlsOptions? TlsFor(BrokerSettings broker, string directory) => !broker.Tls ? null : new MqttTlsOptions
    {
        CaCertificate = broker.CaFile.Length > 0 ? X509CertificateLoader.LoadCertificateFromFile(Path.Combine(directory, broker.CaFile)) : null,
        ClientCertificate = broker.HasClientCertificate
            ? X509Certificate2.CreateFromPemFile(Path.Combine(directory, broker.CertFile), Path.Combine(directory, broker.KeyFile))
            : null,
    };

    /// <summary>Numbers and publishes an event as the firmware's journal would; returns its seq.</summary>
    /// <param name="happenedAt">When it happened (default now): earlier for an event replayed from the journal.</param>
    public async Task<long> PublishAsync(LockerEvent e, DateTimeOffset? happenedAt = null)
    {
        var seq = Interlocked.Increment(ref _seq);
        await RepublishAsync(e, seq, happenedAt);
        return seq;
    }

    /// <summary>Publishes <paramref name="e"/> with a given seq: a journal replay or a QoS 1 redelivery.</summary>
    public async Task RepublishAsync(LockerEvent e, long seq, DateTimeOffset? happenedAt = null)
    {
        e.Seq = seq;
        e.Epoch = Epoch;
        e.UptimeMs = 1000 * seq;
        e.UnixMs = (happenedAt ?? _time.GetUtcNow()).ToUnixTimeMilliseconds();
        await _client.PublishAsync(Topics.Event(Id), e.ToJson(), MqttQos.AtLeastOnce);
    }

    public Task<long> EnterCodeAsync(string code, string source = CodeSources.Keypad, string? reader = null) =>
        PublishAsync(LockerEvent.CodeEntered(source, reader ?? (source == CodeSources.Qr ? Config.ScannerId : Config.KeypadId), code));

    public Task<long> DoorAsync(int compartment, string state) => PublishAsync(LockerEvent.Door(compartment, state));

    /// <summary>The sync_codes parts this locker received (checked and set aside by <see cref="NextCommandAsync"/>).</summary>
    public List<SignedCommand> SyncParts { get; } = new();

    /// <summary>
    /// The next command on this locker's cmd topic, checked by the core's verifier; fails the test after a timeout. Pushes
    /// of the offline code cache (sync_codes) are verified too, so the counter moves as on a locker, and set aside in
    /// <see cref="SyncParts"/>.
    /// </summary>
    public async Task<CommandVerdict> NextCommandAsync()
    {
        using var timeout = new CancellationTokenSource(CommandTimeout);
        try
        {
            while (true)
            {
                var message = await _client.Messages.ReadAsync(timeout.Token);
                if (message.Topic == Topics.Command(Id))
                {
                    var verdict = _verifier.Verify(message.Payload.ToArray());
                    if (verdict.Command is { Action: CommandActions.SyncCodes } sync)
                    {
                        SyncParts.Add(sync);
                        continue;
                    }

                    return verdict;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"locker {Id} received no command within {CommandTimeout.TotalSeconds} s");
        }
    }

    /// <summary>Subscribes to its ack topic, as the firmware does (acks then arrive beside commands).</summary>
    public async Task SubscribeAcksAsync() => (await _client.SubscribeAsync(Topics.Ack(Id))).EnsureGranted();

    /// <summary>The next ack on this locker's ack topic, checked with the core's verifier and the locker's key for <see cref="Epoch"/>.</summary>
    public async Task<(AckVerdict Verdict, long Seq, bool Replay)> NextAckAsync()
    {
        var verifier = new AckVerifier(Id, Config.CommandKey);
        using var timeout = new CancellationTokenSource(CommandTimeout);
        try
        {
            while (true)
            {
                var message = await _client.Messages.ReadAsync(timeout.Token);
                if (message.Topic == Topics.Ack(Id))
                {
                    var verdict = verifier.Verify(message.Payload.ToArray(), Epoch ?? Epochs.Legacy);
                    return (verdict, verifier.Seq, verifier.Replay);
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"locker {Id} received no ack within {CommandTimeout.TotalSeconds} s");
        }
    }

    /// <summary>Answers a command on cmd/result, as the firmware does after running or refusing it.</summary>
    public Task AnswerAsync(CommandVerdict verdict) =>
        _client.PublishAsync(Topics.CommandResult(Id), verdict.ToResult().ToJson(), MqttQos.AtLeastOnce);

    /// <summary>Answers with a result of the test's choosing (a failed unlock, say).</summary>
    public Task AnswerAsync(CommandResultPayload result) =>
        _client.PublishAsync(Topics.CommandResult(Id), result.ToJson(), MqttQos.AtLeastOnce);

    /// <summary>Drops the connection as a crash or power cut would: the broker publishes the retained "offline" will.</summary>
    public Task CrashAsync() => _client.AbortAsync();

    public async ValueTask DisposeAsync() => await _client.DisposeAsync();
}
