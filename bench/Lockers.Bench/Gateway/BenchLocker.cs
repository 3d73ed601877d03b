using System.Diagnostics;
using System.Security.Cryptography;
using Lockers.Core.Commands;
using Lockers.Core.Protocol;
using Lockers.Mqtt.Client;
using Lockers.Mqtt.Packets;
using Lockers.Testing.Mosquitto;

namespace Lockers.Bench.Gateway;

/// <summary>What came back on a locker's cmd topic for one code entry, and when.</summary>
public readonly record struct CommandReceipt(double RoundTripMs, SignedCommand? Command, string? Problem);

/// <summary>
/// Plays a locker controller on the wire with the core's protocol classes: retained birth and last will, telemetry
/// at QoS 0, journal-numbered events at QoS 1, and its cmd topic. Every command it receives is checked as the
/// firmware checks it (parsed, for this locker, HMAC-SHA256 under its own key compared in fixed time), so the
/// bench cannot time a wrong answer. One code entry at a time per locker, as at a real keypad.
/// </summary>
public sealed class BenchLocker : IAsyncDisposable
{
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(Lockers.Core.Config.DeviceConfig.DefaultHeartbeatS);
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(30);

    private readonly MqttClient _client;
    private readonly string _commandTopic;
    private readonly string _eventTopic;
    private readonly string _ackTopic;
    // As the firmware does: events carry an epoch, and the gateway's signed acks are checked (ADR 0207). Checked under a
    // lock: the verifier reuses its buffers.
    private volatile string _epoch = NewEpoch();
    private readonly Lockers.Core.Acks.AckVerifier _acks;
    private long _acksAccepted;
    private long _acksRefused;
    private readonly CommandSigner _signer;
    private readonly LockedJsonWriter _writer = new();
    private readonly Task _receiving;
    private TaskCompletionSource<CommandReceipt>? _pending;
    private long _pendingStarted;
    private long _seq;
    private long _uptimeMs;

    private BenchLocker(SeededLocker seeded, MqttClient client)
    {
        Seeded = seeded;
        _client = client;
        _commandTopic = Topics.Command(seeded.Id);
        _eventTopic = Topics.Event(seeded.Id);
        _ackTopic = Topics.Ack(seeded.Id);
        _signer = new CommandSigner(seeded.CommandKey);
        _acks = new Lockers.Core.Acks.AckVerifier(seeded.Id, seeded.CommandKey);
        _receiving = Task.Run(ReceiveAsync);
    }

    public SeededLocker Seeded { get; }
    public string Id => Seeded.Id;

    /// <summary>
    /// Starts a new numbering: a fresh epoch, seq from 1. The bench's lockers keep no journal, so events the gateway never
    /// saw (the bare MQTT baseline's) cannot be replayed; a new epoch keeps the gateway phase's numbering without a gap.
    /// </summary>
    public void BeginEpoch()
    {
        _epoch = NewEpoch();
        Interlocked.Exchange(ref _seq, 0);
    }

    private static string NewEpoch() => Lockers.Core.Protocol.Epochs.FromBytes(RandomNumberGenerator.GetBytes(8));

    /// <summary>End-to-end acks from the gateway that verified with this locker's key.</summary>
    public long AcksAccepted => Interlocked.Read(ref _acksAccepted);

    /// <summary>Messages on the ack topic that did not verify (none expected).</summary>
    public long AcksRefused => Interlocked.Read(ref _acksRefused);

    /// <summary>When true, anything on the cmd topic counts as the answer (the bare MQTT baseline's echo).</summary>
    public bool AcceptEcho { get; set; }

    /// <summary>Connects (over TLS with its own certificate, or as the shared bench user in plain text), subscribes to its cmd topic, publishes its retained birth.</summary>
    public static async Task<BenchLocker> ConnectAsync(SeededLocker seeded, MosquittoBroker broker, CancellationToken cancellationToken)
    {
        var client = new MqttClient(new MqttClientOptions
        {
            Host = broker.Host,
            Port = broker.Port,
            ClientId = seeded.Id,
            UserName = MosquittoBrokerOptions.DefaultUser,
            Password = MosquittoBrokerOptions.DefaultPassword,
            // Over TLS, the locker's own certificate (common name = its id) is its identity; the password is then ignored.
            Tls = broker.ClientTls(seeded.Id),
            KeepAlive = HeartbeatInterval,
            AutoReconnect = false,
            ConnectTimeout = TimeSpan.FromSeconds(30),
            Will = new MqttWill(Topics.Status(seeded.Id), StatusPayload.Offline().ToJson(), MqttQos.AtLeastOnce, Retain: true),
        });
        try
        {
            await client.ConnectAsync(cancellationToken);
            (await client.SubscribeAsync(Topics.Command(seeded.Id), MqttQos.AtLeastOnce, cancellationToken)).EnsureGranted();
            (await client.SubscribeAsync(Topics.Ack(seeded.Id), MqttQos.AtLeastOnce, cancellationToken)).EnsureGranted();
            await client.PublishAsync(Topics.Status(seeded.Id), StatusPayload.Online("0.1.0-bench", 1).ToJson(), MqttQos.AtLeastOnce, retain: true,
                cancellationToken: cancellationToken);
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }

        return new BenchLocker(seeded, client);
    }

    /// <summary>Types a code and waits for what comes back on the cmd topic; the time runs from the publish call.</summary>
    public async Task<CommandReceipt> EnterCodeAsync(string code, CancellationToken cancellationToken)
    {
        var answer = new TaskCompletionSource<CommandReceipt>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending = answer;
        var e = LockerEvent.CodeEntered(CodeSources.Keypad, Id, code);
        var payload = Stamp(e);
        Volatile.Write(ref _pendingStarted, Stopwatch.GetTimestamp());
        await _client.PublishAsync(_eventTopic, payload, MqttQos.AtLeastOnce, cancellationToken: cancellationToken);
        try
        {
            return await answer.Task.WaitAsync(AnswerTimeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            return new CommandReceipt(AnswerTimeout.TotalMilliseconds, null, $"no answer within {AnswerTimeout.TotalSeconds} s");
        }
        finally
        {
            _pending = null;
        }
    }

    /// <summary>What the firmware sends after an accepted unlock: door opened (consumes the code), cmd/result ok, door closed.</summary>
    public async Task OpenAndCloseAsync(SignedCommand unlock, CancellationToken cancellationToken)
    {
        await _client.PublishAsync(_eventTopic, Stamp(LockerEvent.Door(unlock.Compartment, DoorStates.Opened)), MqttQos.AtLeastOnce,
            cancellationToken: cancellationToken);
        await _client.PublishAsync(Topics.CommandResult(Id), CommandResultPayload.Ok(unlock.CommandId).ToJson(), MqttQos.AtLeastOnce,
            cancellationToken: cancellationToken);
        await _client.PublishAsync(_eventTopic, Stamp(LockerEvent.Door(unlock.Compartment, DoorStates.Closed)), MqttQos.AtLeastOnce,
            cancellationToken: cancellationToken);
    }

    /// <summary>Answers a command on cmd/result only (the unlock benchmark: the door is not opened, so the code stays live).</summary>
    public Task AnswerAsync(SignedCommand command, CancellationToken cancellationToken) =>
        _client.PublishAsync(Topics.CommandResult(Id), CommandResultPayload.Ok(command.CommandId).ToJson(), MqttQos.AtLeastOnce,
            cancellationToken: cancellationToken);

    /// <summary>One telemetry sample at QoS 0, as the firmware's TelemetryReporter sends it.</summary>
    public Task PublishTelemetryAsync(CancellationToken cancellationToken)
    {
        var uptime = Interlocked.Add(ref _uptimeMs, 1000);
        var telemetry = new TelemetryPayload
        {
            UptimeMs = uptime, FreeMemoryBytes = 81_234, SignalDbm = -67, SupplyMv = 12_040, TemperatureC = 21.5, Firmware = "0.1.0-bench",
        };
        return _client.PublishAsync(Topics.Telemetry(Id), telemetry.ToJson(), MqttQos.AtMostOnce, cancellationToken: cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _client.DisposeAsync();
        }
        catch (Exception ex) when (ex is MqttClientNotConnectedException or ObjectDisposedException or IOException)
        {
        }

        await _receiving.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private byte[] Stamp(LockerEvent e)
    {
        e.Seq = Interlocked.Increment(ref _seq);
        e.Epoch = _epoch;
        e.UptimeMs = Interlocked.Add(ref _uptimeMs, 1);
        e.UnixMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        return _writer.Write(e);
    }

    private async Task ReceiveAsync()
    {
        try
        {
            await foreach (var message in _client.Messages.ReadAllAsync())
            {
                var arrived = Stopwatch.GetTimestamp();
                if (message.Topic == _ackTopic)
                {
                    CheckAck(message.Payload.ToArray());
                    continue;
                }

                if (message.Topic != _commandTopic || _pending is not { } pending)
                {
                    continue;
                }

                if (!AcceptEcho && IsCachePush(message.Payload.ToArray()))
                {
                    // The gateway pushes each locker its offline code cache after changes (ADR 0211): not an answer to a code.
                    continue;
                }

                var ms = Stopwatch.GetElapsedTime(Volatile.Read(ref _pendingStarted), arrived).TotalMilliseconds;
                pending.TrySetResult(AcceptEcho ? new CommandReceipt(ms, null, null) : Check(ms, message.Payload.ToArray()));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or MqttClientStoppedException or ObjectDisposedException)
        {
        }
    }

    private void CheckAck(byte[] payload)
    {
        Lockers.Core.Acks.AckVerdict verdict;
        lock (_acks)
        {
            verdict = _acks.Verify(payload, _epoch);
        }

        Interlocked.Increment(ref verdict == Lockers.Core.Acks.AckVerdict.Accepted ? ref _acksAccepted : ref _acksRefused);
    }

    private static bool IsCachePush(byte[] payload)
    {
        try
        {
            return SignedCommand.Parse(payload).Action == CommandActions.SyncCodes;
        }
        catch (Lockers.Core.Json.JsonException)
        {
            return false; // Check reports it
        }
    }

    private CommandReceipt Check(double ms, byte[] payload)
    {
        SignedCommand command;
        try
        {
            command = SignedCommand.Parse(payload);
        }
        catch (Exception ex) when (ex is Lockers.Core.Json.JsonException or FormatException or ArgumentException or InvalidOperationException)
        {
            return new CommandReceipt(ms, null, "unreadable command: " + ex.Message);
        }

        if (command.LockerId != Id)
        {
            return new CommandReceipt(ms, command, $"command for locker '{command.LockerId}'");
        }

        byte[] claimed;
        try
        {
            claimed = Convert.FromBase64String(command.Signature);
        }
        catch (FormatException)
        {
            return new CommandReceipt(ms, command, "signature is not base64");
        }

        return CryptographicOperations.FixedTimeEquals(_signer.ComputeSignature(command), claimed)
            ? new CommandReceipt(ms, command, null)
            : new CommandReceipt(ms, command, "bad signature");
    }

    /// <summary>One reused JSON writer per locker (as the firmware journal keeps one), under a lock: cheap, and safe if two tasks stamp at once.</summary>
    private sealed class LockedJsonWriter
    {
        private readonly Lockers.Core.Json.JsonWriter _writer = new();

        public byte[] Write(LockerEvent e)
        {
            lock (_writer)
            {
                return e.ToJson(_writer);
            }
        }
    }
}
