using Lockers.Core.App;
using Lockers.Core.Board;
using Lockers.Core.Commands;
using Lockers.Core.Config;
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

    public byte[] Signed(SignedCommand command) => Signer.SignToJson(command);

    public void SendCommand(SignedCommand command) => Link.Deliver(CommandTopic, Signed(command));

    public List<LockerEvent> Events() => Link.On(EventTopic).Select(p => LockerEvent.Parse(p.Payload)).ToList();

    public List<CommandResultPayload> Results() => Link.On(ResultTopic).Select(p => CommandResultPayload.Parse(p.Payload)).ToList();
}
