using Lockers.Core.Ports;

namespace Lockers.Controller.Linux.Tests.Support;

/// <summary>A lock group that records what it was told, and can be made to fail like an expander that stopped answering.</summary>
internal sealed class FakeSolenoidGroup : ISolenoidPort
{
    public HashSet<int> On { get; } = new();

    public bool Fail { get; set; }

    public int AllOffCalls { get; private set; }

    public void SetEnergised(int compartment, bool on)
    {
        if (on) On.Add(compartment);
        else On.Remove(compartment);
    }

    public void AllOff()
    {
        AllOffCalls++;
        if (Fail) throw new IOException("no acknowledge from the expander");
        On.Clear();
    }
}
