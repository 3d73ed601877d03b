using Lockers.Core.Ports;

namespace Lockers.Core.Tests.Fakes;

/// <summary>
/// Records every lock output change with the time it happened and throws at once if a second solenoid is
/// energised while one is on, so a test cannot pass while breaking the one-at-a-time rule.
/// </summary>
public sealed class FakeSolenoidPort : ISolenoidPort
{
    private readonly IClock _clock;
    private readonly HashSet<int> _energised = new();

    public FakeSolenoidPort(IClock clock) => _clock = clock;

    /// <summary>One entry per call, in order.</summary>
    public List<SolenoidCall> Calls { get; } = new();

    /// <summary>Every completed pulse (energised then released), in order.</summary>
    public List<SolenoidPulse> Pulses { get; } = new();

    /// <summary>How many times AllOff was called.</summary>
    public int AllOffCount { get; private set; }

    /// <summary>Compartments energised right now.</summary>
    public IReadOnlyCollection<int> Energised => _energised;

    private readonly Dictionary<int, long> _onSince = new();

    public void SetEnergised(int compartment, bool on)
    {
        Calls.Add(new SolenoidCall(_clock.UptimeMs, compartment, on));
        if (on)
        {
            if (_energised.Count > 0 && !_energised.Contains(compartment))
                throw new InvalidOperationException(
                    $"compartment {compartment} energised while {string.Join(",", _energised)} is on");
            if (_energised.Add(compartment)) _onSince[compartment] = _clock.UptimeMs;
        }
        else if (_energised.Remove(compartment))
        {
            Pulses.Add(new SolenoidPulse(compartment, _onSince[compartment], _clock.UptimeMs));
        }
    }

    public void AllOff()
    {
        AllOffCount++;
        Calls.Add(new SolenoidCall(_clock.UptimeMs, 0, false));
        foreach (var c in _energised.ToArray()) SetEnergisedOff(c);
    }

    private void SetEnergisedOff(int compartment)
    {
        _energised.Remove(compartment);
        Pulses.Add(new SolenoidPulse(compartment, _onSince[compartment], _clock.UptimeMs));
    }
}

/// <summary>A SetEnergised call (compartment 0 = AllOff).</summary>
public sealed record SolenoidCall(long AtMs, int Compartment, bool On);

/// <summary>A solenoid was on from StartMs to EndMs.</summary>
public sealed record SolenoidPulse(int Compartment, long StartMs, long EndMs)
{
    public long LengthMs => EndMs - StartMs;
}
