using Lockers.Core.Acks;
using Lockers.Core.App;
using Lockers.Core.Board;
using Lockers.Core.Commands;
using Lockers.Core.Config;
using Lockers.Core.Offline;
using Lockers.Core.Protocol;
using Lockers.Core.Texts;
using Lockers.Core.Tests.Fakes;
using Lockers.Testing;

namespace Lockers.Core.Tests.App;

/// <summary>A locker controller over fakes: a 3-door board, a fake clock with wall time, and a signer holding its key.</summary>
internal sealed class LockerHarness
{
    public const string LockerId = "test-locker";
    public const int RatedPulseMs = 500;
    public const int DebounceMs = 50;

    private long _counter = 100;

    public LockerHarness(FakeStorage? storage = null, string language = DisplayLanguages.English)
    {
        Storage = storage ?? new FakeStorage();
        Solenoids = new FakeSolenoidPort(Clock);
        PulseTimer = new FakePulseTimer(Clock);
        Config = new DeviceConfig(
            LockerId, "test-site", new BrokerSettings("localhost", 1883, false, "u", "p"), Key, "three.json",
            60, 300, "kp-1", "qr-1", null, language);
        Config.Validate();
        var ports = new LockerPorts(Clock, Storage, Link, Solenoids, PulseTimer, Sensors, Keypad, Scanner, Feedback, System);
        Controller = new LockerController(Config, BoardLoader.Load(TestBoards.ThreeDoors), ports, "1.2.3");
        Signer = new CommandSigner(Key);
    }

    public static byte[] Key { get; } = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    public FakeClock Clock { get; } = new(new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc));
    public FakeStorage Storage { get; }
    public FakeMqttLink Link { get; } = new();
    public FakeSolenoidPort Solenoids { get; }
    public FakePulseTimer PulseTimer { get; }
    public FakeDoorSensorPort Sensors { get; } = new();
    public FakeKeypadPort Keypad { get; } = new();
    public FakeScannerPort Scanner { get; } = new();
    public FakeFeedbackPort Feedback { get; } = new();
    public FakeSystemPort System { get; } = new();
    public DeviceConfig Config { get; }
    public LockerController Controller { get; }
    public CommandSigner Signer { get; }

    public string EventTopic => Topics.Event(LockerId);
    public string CommandTopic => Topics.Command(LockerId);
    public string ResultTopic => Topics.CommandResult(LockerId);
    public string AckTopic => Topics.Ack(LockerId);

    /// <summary>The gateway's signed ack, as it sends it after applying events of the journal's epoch through <paramref name="seq"/>.</summary>
    public byte[] SignedAck(long seq, bool replay = false, string? epoch = null, byte[]? key = null) =>
        new AckSigner(key ?? Key).Sign(LockerId, new AckPayload { Epoch = epoch ?? Controller.EventEpoch, Seq = seq, Replay = replay }).ToJson();

    /// <summary>Delivers the gateway's ack for everything through <paramref name="seq"/>.</summary>
    public void GatewayAck(long seq, bool replay = false) => Link.Deliver(AckTopic, SignedAck(seq, replay));

    /// <summary>The broker acknowledges every publish and the gateway confirms every event published so far.</summary>
    public void ConfirmAll()
    {
        Link.AckAll();
        var events = Events();
        if (events.Count > 0)
        {
            GatewayAck(events.Max(e => e.Seq));
        }
    }

    /// <summary>Advances the clock in 10 ms steps, polling after each, as a main loop would.</summary>
    public void Run(long ms)
    {
        for (long done = 0; done < ms; done += 10)
        {
            Clock.Advance(10);
            Controller.Poll();
        }
    }

    /// <summary>A signed unlock with the next counter, valid for a minute.</summary>
    public SignedCommand Unlock(int compartment, string id)
    {
        long expires = UnixTime.ToUnixSeconds(Clock.UtcNow) + 60;
        return SignedCommand.Unlock(LockerId, id, ++_counter, expires, compartment);
    }

    /// <summary>A signed unlock answering code entry <paramref name="entry"/>, valid for a minute.</summary>
    public SignedCommand UnlockFor(long entry, int compartment, string id)
    {
        var command = Unlock(compartment, id);
        command.Entry = entry;
        return command;
    }

    /// <summary>A signed deny answering code entry <paramref name="entry"/> at the keypad.</summary>
    public SignedCommand DenyFor(long entry, string id)
    {
        long expires = UnixTime.ToUnixSeconds(Clock.UtcNow) + 60;
        var command = SignedCommand.Deny(LockerId, id, ++_counter, expires, "kp-1", 0);
        command.Entry = entry;
        return command;
    }

    /// <summary>A signed show_message_key for the keypad, resting on the display for <paramref name="restS"/> s (0: not at all).</summary>
    public SignedCommand ShowKey(string keyedText, int restS, string id)
    {
        long expires = UnixTime.ToUnixSeconds(Clock.UtcNow) + 60;
        return SignedCommand.ShowMessageKey(LockerId, id, ++_counter, expires, "kp-1", keyedText, restS);
    }

    /// <summary>One cached-code entry as the gateway writes it: <paramref name="code"/>'s verifier under this locker's key, valid for <paramref name="validS"/> s.</summary>
    public string CachedEntry(long codeRef, int compartment, char kind, string code, long validS = 3600) =>
        CachedCodes.FormatEntry(codeRef, compartment, kind, UnixTime.ToUnixSeconds(Clock.UtcNow) + validS,
            OfflineVerifier.Compute(OfflineVerifier.DeriveKey(Key), code));

    /// <summary>Sends version <paramref name="version"/> of the offline cache as one signed sync_codes part per text.</summary>
    public void SyncCodes(long version, params string[] parts)
    {
        long expires = UnixTime.ToUnixSeconds(Clock.UtcNow) + 60;
        for (int i = 0; i < parts.Length; i++)
        {
            SendCommand(SignedCommand.SyncCodes(LockerId, "s-" + version + "-" + (i + 1), ++_counter, expires, version, i + 1, parts.Length, parts[i]));
        }
    }

    /// <summary>The entry id of the last code_entered event.</summary>
    public long LastEntry() => Events().Last(e => e.Kind == EventKinds.CodeEntered).Entry;

    /// <summary>Opens door <paramref name="compartment"/> once its solenoid is energised (waiting out the start-up gap), as a person pulling it would.</summary>
    public void OpenWhenPulsed(int compartment)
    {
        for (int i = 0; i < 300 && !Solenoids.Energised.Contains(compartment); i++) Run(10);
        Assert.Contains(compartment, Solenoids.Energised);
        Sensors.Set(compartment, open: true);
        Run(100);
    }

    public byte[] Signed(SignedCommand command) => Signer.SignToJson(command);

    public void SendCommand(SignedCommand command) => Link.Deliver(CommandTopic, Signed(command));

    public List<LockerEvent> Events() => Link.On(EventTopic).Select(p => LockerEvent.Parse(p.Payload)).ToList();

    public List<CommandResultPayload> Results() => Link.On(ResultTopic).Select(p => CommandResultPayload.Parse(p.Payload)).ToList();
}
