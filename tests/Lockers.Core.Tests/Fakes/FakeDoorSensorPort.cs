using Lockers.Core.Ports;

namespace Lockers.Core.Tests.Fakes;

/// <summary>Reed switches a test opens and closes by hand; every door starts closed.</summary>
public sealed class FakeDoorSensorPort : IDoorSensorPort
{
    private readonly HashSet<int> _open = new();

    /// <summary>How many reads the core made (to check it polls).</summary>
    public int ReadCount { get; private set; }

    private Stall? _stall;

    public bool ReadOpen(int compartment)
    {
        ReadCount++;
        var stall = Interlocked.Exchange(ref _stall, null);
        if (stall is not null)
        {
            stall.Entered.Set();
            stall.Released.Wait(TimeSpan.FromSeconds(10));
        }

        return _open.Contains(compartment);
    }

    /// <summary>
    /// Makes the next read block (a main loop stuck inside Poll, holding the controller's lock): it sets
    /// <paramref name="entered"/>, then waits for <paramref name="released"/> (10 s at most).
    /// </summary>
    public void StallNextRead(ManualResetEventSlim entered, ManualResetEventSlim released) => _stall = new Stall(entered, released);

    /// <summary>Sets the raw level of one door's switch.</summary>
    public void Set(int compartment, bool open)
    {
        if (open) _open.Add(compartment); else _open.Remove(compartment);
    }
}

internal sealed record Stall(ManualResetEventSlim Entered, ManualResetEventSlim Released);
