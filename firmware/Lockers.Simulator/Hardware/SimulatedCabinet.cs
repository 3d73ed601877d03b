namespace Lockers.Simulator.Hardware;

/// <summary>The doors of one locker controller, by compartment number, in board order.</summary>
public sealed class SimulatedCabinet
{
    private readonly Dictionary<int, SimulatedDoor> _doors = new();

    /// <summary>Creates one closed door per compartment number.</summary>
    public SimulatedCabinet(IEnumerable<int> compartments)
    {
        foreach (var number in compartments)
        {
            var door = new SimulatedDoor(number);
            door.Changed += d => Changed?.Invoke(d);
            _doors.Add(number, door);
        }

        Doors = _doors.Values.ToArray();
    }

    /// <summary>Raised after any door changes; may be raised on any thread.</summary>
    public event Action<SimulatedDoor>? Changed;

    /// <summary>Every door, in board order.</summary>
    public IReadOnlyList<SimulatedDoor> Doors { get; }

    /// <summary>The door of a compartment; throws <see cref="ArgumentOutOfRangeException"/> for an unknown number.</summary>
    public SimulatedDoor this[int compartment] =>
        _doors.TryGetValue(compartment, out var door)
            ? door
            : throw new ArgumentOutOfRangeException(nameof(compartment), compartment, "no such compartment on this board");

    /// <summary>True when the cabinet has this compartment.</summary>
    public bool Contains(int compartment) => _doors.ContainsKey(compartment);

    /// <summary>How many solenoids are energised right now (the core must never let this exceed 1).</summary>
    public int EnergisedCount => Doors.Count(d => d.IsEnergised);
}
