using Lockers.Core.Acks;
using Lockers.Core.App;
using Lockers.Core.Board;
using Lockers.Core.Commands;
using Lockers.Core.Config;
using Lockers.Core.Doors;
using Lockers.Core.Protocol;
using Lockers.Testing;

namespace Lockers.Bench.Firmware;

/// <summary>
/// A started, connected <see cref="LockerController"/> over the allocation-free fakes of this folder, with the
/// operations the benchmark repeats. Every operation leaves the locker as it found it (doors closed, nothing
/// unacknowledged), so it can run any number of times.
/// </summary>
public sealed class FirmwareRig
{
    public const string LockerId = "lk-000042";
    public const int Compartment = 1;
    public const string Code = "482913";

    /// <summary>Long enough that telemetry never fires on its own during the other measurements.</summary>
    public const int TelemetryS = 86_400;

    private const int PollMs = 10;
    private const int MaxPolls = 1_000;

    private readonly string _commandTopic = Topics.Command(LockerId);
    private readonly string _ackTopic = Topics.Ack(LockerId);
    private long _counter;
    // The gateway's signed acks for seqs _ackBase.. (made before measuring, like the commands: signing is the gateway's work).
    private byte[][] _acks = Array.Empty<byte[]>();
    private long _ackBase;
    // Code entries the controller has opened (codes typed, lines scanned): the next one is this + 1 in its boot.
    private long _entriesOpened;

    public FirmwareRig()
    {
        Key = Enumerable.Range(1, 32).Select(i => (byte)(i * 7)).ToArray();
        Config = new DeviceConfig(
            LockerId, "site-1", new BrokerSettings("localhost", 1883, false, "u", "p"), Key, "bench-three.json",
            60, TelemetryS, "kp-1", "qr-1", null);
        Config.Validate();
        var ports = new LockerPorts(Clock, Storage, Link, Solenoids, PulseTimer, Sensors, Keypad, Scanner, Feedback, System);
        Controller = new LockerController(Config, BoardLoader.Load(TestBoards.ThreeDoors), ports, "1.4.2-esp32");
        Signer = new CommandSigner(Key);
        Link.Connect();
        Controller.Start();
        Link.AckAll();
        ConfirmLatest();
    }

    public byte[] Key { get; }
    public DeviceConfig Config { get; }
    public FakeClock Clock { get; } = new();
    public FakeStorage Storage { get; } = new();
    public FakeMqttLink Link { get; } = new();
    public FakeSolenoidPort Solenoids { get; } = new();
    public FakePulseTimer PulseTimer { get; } = new();
    public FakeDoorSensorPort Sensors { get; } = new();
    public FakeKeypadPort Keypad { get; } = new();
    public FakeScannerPort Scanner { get; } = new();
    public FakeFeedbackPort Feedback { get; } = new();
    public FakeSystemPort System { get; } = new();
    public LockerController Controller { get; }
    public CommandSigner Signer { get; }

    /// <summary>
    /// Signed unlock commands for compartment 1 with consecutive counters, as the gateway would send them: each answers the
    /// code entry the next pickups will open (the controller numbers them boot * 1,000,000 + n), so the locker runs it.
    /// Made before measuring: signing is the gateway's work, not the locker's.
    /// </summary>
    public byte[][] SignUnlocks(int count)
    {
        long expires = UnixTime.ToUnixSeconds(Clock.UtcNow) + 30L * 24 * 3600;
        var commands = new byte[count][];
        for (int i = 0; i < count; i++)
        {
            _counter++;
            var unlock = SignedCommand.Unlock(LockerId, "cmd-" + _counter.ToString("D8"), _counter, expires, Compartment);
            unlock.Entry = Controller.BootCount * LockerController.EntryIdsPerBoot + _entriesOpened + 1 + i;
            commands[i] = Signer.SignToJson(unlock);
        }

        return commands;
    }

    /// <summary>Signs the gateway's acks for the next <paramref name="events"/> events, so delivering them costs the gateway nothing measured.</summary>
    public void PrepareAcks(int events)
    {
        _ackBase = Controller.NextEventSeq;
        _acks = new byte[events][];
        for (int i = 0; i < events; i++) _acks[i] = SignAck(_ackBase + i);
    }

    /// <summary>The gateway confirms every event published so far, as it does once it committed them.</summary>
    public void ConfirmLatest()
    {
        long seq = Controller.NextEventSeq - 1;
        long index = seq - _ackBase;
        Link.Deliver(_ackTopic, index >= 0 && index < _acks.Length ? _acks[index] : SignAck(seq));
    }

    private byte[] SignAck(long seq) =>
        new AckSigner(Key).Sign(LockerId, new AckPayload { Epoch = Controller.EventEpoch, Seq = seq }).ToJson();

    /// <summary>One key press through the keypad port (digits and '*' only: '#' submits, which is a pickup's first step).</summary>
    public void PressKey(char key) => Keypad.Press(key);

    /// <summary>
    /// Types <see cref="Code"/> and '#': a code_entered event is journaled and published; the broker acknowledges it,
    /// then the gateway confirms it.
    /// </summary>
    public void EnterCode()
    {
        for (int i = 0; i < Code.Length; i++) Keypad.Press(Code[i]);
        Keypad.Press('#');
        _entriesOpened++;
        Link.AckAll();
        ConfirmLatest();
    }

    /// <summary>A scanner line (bytes ending in CR LF) through the UART port; its code_entered event is acknowledged and confirmed.</summary>
    public void Scan(byte[] line)
    {
        Scanner.Receive(line, 0, line.Length);
        _entriesOpened++;
        Link.AckAll();
        ConfirmLatest();
    }

    /// <summary>The whole pickup as the locker sees it; <paramref name="phaseBytes"/> (5 slots) gets each phase's allocation added.</summary>
    public void Pickup(byte[] signedUnlock, long[] phaseBytes)
    {
        long mark = GC.GetAllocatedBytesForCurrentThread();
        EnterCode();
        mark = AddSince(mark, phaseBytes, 0);

        Link.Deliver(_commandTopic, signedUnlock);
        mark = AddSince(mark, phaseBytes, 1);

        PollUntil(Until.PulseStarted);
        mark = AddSince(mark, phaseBytes, 2);

        Sensors.Set(Compartment, true);
        PollUntil(Until.DoorOpen);
        Link.AckAll();
        ConfirmLatest();
        mark = AddSince(mark, phaseBytes, 3);

        Sensors.Set(Compartment, false);
        PollUntil(Until.DoorLocked);
        Link.AckAll();
        ConfirmLatest();
        AddSince(mark, phaseBytes, 4);
    }

    /// <summary>The names of <see cref="Pickup"/>'s phases, in slot order.</summary>
    public static readonly string[] PickupPhases =
    {
        "code typed + '#': code_entered journaled, published, PUBACK, gateway's ack verified, entry deleted",
        "signed unlock arrives: parsed, HMAC verified, counter saved, unlock queued",
        "main loop until the pulse starts",
        "door opens: door event journaled + published, cmd/result ok, PUBACKs, gateway's ack",
        "door closes: door event journaled + published, PUBACK, gateway's ack",
    };

    /// <summary>Telemetry falls due: one Poll publishes it (QoS 0, not journaled).</summary>
    public void PublishTelemetry()
    {
        Clock.Advance(TelemetryS * 1000L);
        Controller.Poll();
    }

    /// <summary>One pass of the main loop with nothing to do.</summary>
    public void IdlePoll()
    {
        Clock.Advance(PollMs);
        Controller.Poll();
    }

    // An enum rather than a lambda: a lambda that captures `this` would allocate on every call and be counted.
    private enum Until
    {
        PulseStarted,
        DoorOpen,
        DoorLocked,
    }

    private void PollUntil(Until until)
    {
        for (int i = 0; i < MaxPolls; i++)
        {
            if (Reached(until)) return;
            IdlePoll();
        }

        throw new InvalidOperationException($"waited {MaxPolls * PollMs} ms for {until}");
    }

    private bool Reached(Until until) => until switch
    {
        Until.PulseStarted => Solenoids.Energised == Compartment,
        Until.DoorOpen => Controller.GetDoorState(Compartment) == DoorState.Open,
        _ => Controller.GetDoorState(Compartment) == DoorState.Locked,
    };

    private static long AddSince(long mark, long[] phaseBytes, int phase)
    {
        long now = GC.GetAllocatedBytesForCurrentThread();
        phaseBytes[phase] += now - mark;
        return GC.GetAllocatedBytesForCurrentThread();
    }
}
