using Lockers.Core.Ports;

namespace Lockers.Core.Tests.Fakes;

/// <summary>Reed switches a test opens and closes by hand; every door starts closed.</summary>
public sealed class FakeDoorSensorPort : IDoorSensorPort
{
    private readonly HashSet<int> _open = new();

    /// <summary>How many reads the core made (to check it polls).</summary>
    public int ReadCount { get; private set; }

    public bool ReadOpen(int compartment)
    {
        ReadCount++;
        return _open.Contains(compartment);
    }

    /// <summary>Sets the raw level of one door's switch.</summary>
    public void Set(int compartment, bool open)
    {
        if (open) _open.Add(compartment); else _open.Remove(compartment);
    }
}
