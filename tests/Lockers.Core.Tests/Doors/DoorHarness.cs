using Lockers.Core.Doors;
using Lockers.Core.Tests.Fakes;

namespace Lockers.Core.Tests.Doors;

/// <summary>A DoorController on fake ports with a fake clock, recording every event.</summary>
internal sealed class DoorHarness
{
    public DoorHarness(int[]? compartments = null, DoorTiming? timing = null, Action<FakeDoorSensorPort>? presetSensors = null)
    {
        Solenoids = new FakeSolenoidPort(Clock);
        PulseTimer = new FakePulseTimer(Clock);
        Guard = new PulseGuard(Solenoids, PulseTimer, Clock);
        presetSensors?.Invoke(Sensors);
        Controller = new DoorController(compartments ?? new[] { 1, 2, 3, 4 }, timing ?? DefaultTiming(), Guard, Sensors, Clock.UptimeMs);
        Controller.DoorEvent += (c, k, r, d) => Events.Add(new DoorEventRecord(Clock.UptimeMs, c, k, r, d));
    }

    public FakeClock Clock { get; } = new();

    public FakeSolenoidPort Solenoids { get; }

    /// <summary>The host's pulse timer; nothing fires it unless a test does (<see cref="FakePulseTimer.FireIfDue"/>).</summary>
    public FakePulseTimer PulseTimer { get; }

    public PulseGuard Guard { get; }

    public FakeDoorSensorPort Sensors { get; } = new();

    public DoorController Controller { get; }

    public List<DoorEventRecord> Events { get; } = new();

    public static DoorTiming DefaultTiming() => new(ratedPulseMs: 500, minGapMs: 250, openConfirmMs: 3000, leftOpenMs: 120_000, debounceMs: 50);

    /// <summary>Polls every <paramref name="stepMs"/> until uptime reaches <paramref name="untilMs"/> (inclusive).</summary>
    public void RunUntil(long untilMs, long stepMs = 10)
    {
        while (Clock.UptimeMs < untilMs)
        {
            Clock.Advance(Math.Min(stepMs, untilMs - Clock.UptimeMs));
            Controller.Poll(Clock.UptimeMs);
        }
    }

    /// <summary>Polls for <paramref name="ms"/> more milliseconds.</summary>
    public void RunFor(long ms, long stepMs = 10) => RunUntil(Clock.UptimeMs + ms, stepMs);

    /// <summary>Polls until the given compartment is energised (fails after 10 s).</summary>
    public void RunUntilEnergised(int compartment)
    {
        long limit = Clock.UptimeMs + 10_000;
        while (!Solenoids.Energised.Contains(compartment))
        {
            Assert.True(Clock.UptimeMs < limit, $"compartment {compartment} never energised");
            RunFor(10);
        }
    }

    public IEnumerable<DoorEventKind> KindsFor(int compartment) => Events.Where(e => e.Compartment == compartment).Select(e => e.Kind);

    public DoorEventRecord Single(DoorEventKind kind) => Assert.Single(Events, e => e.Kind == kind);
}

internal sealed record DoorEventRecord(long AtMs, int Compartment, DoorEventKind Kind, string Reference, long Detail);
