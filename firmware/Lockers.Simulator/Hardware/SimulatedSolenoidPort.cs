using Lockers.Core.Ports;

namespace Lockers.Simulator.Hardware;

/// <summary>
/// The lock outputs wired to a <see cref="SimulatedCabinet"/>. Besides driving the doors it watches the
/// core's promises: never two solenoids at once (<see cref="MaxSimultaneous"/>), and it counts AllOff calls.
/// Called from the main loop and from the pulse timer's thread; the doors lock themselves.
/// </summary>
public sealed class SimulatedSolenoidPort : ISolenoidPort
{
    private readonly SimulatedCabinet _cabinet;
    private int _maxSimultaneous;
    private int _allOffCount;

    /// <summary>Wires the outputs to the cabinet's doors.</summary>
    public SimulatedSolenoidPort(SimulatedCabinet cabinet) => _cabinet = cabinet;

    /// <summary>The most solenoids ever energised at the same time.</summary>
    public int MaxSimultaneous => Volatile.Read(ref _maxSimultaneous);

    /// <summary>How many times <see cref="AllOff"/> was called.</summary>
    public int AllOffCount => Volatile.Read(ref _allOffCount);

    /// <inheritdoc />
    public void SetEnergised(int compartment, bool on)
    {
        if (!_cabinet.Contains(compartment))
        {
            return; // A real output for an unwired number does nothing either.
        }

        _cabinet[compartment].SetSolenoid(on);
        int now = _cabinet.EnergisedCount;
        if (now > _maxSimultaneous)
        {
            Volatile.Write(ref _maxSimultaneous, now);
        }
    }

    /// <inheritdoc />
    public void AllOff()
    {
        Interlocked.Increment(ref _allOffCount);
        foreach (var door in _cabinet.Doors)
        {
            if (door.IsEnergised)
            {
                door.SetSolenoid(false);
            }
        }
    }
}
