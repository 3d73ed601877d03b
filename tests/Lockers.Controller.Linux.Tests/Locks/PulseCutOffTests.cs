using Iot.Device.Mcp23xxx;
using Lockers.Controller.Linux.Hardware;
using Lockers.Controller.Linux.Locks;
using Lockers.Controller.Linux.Tests.Simulation;
using Lockers.Core.Doors;
using Lockers.Hosting;
using Lockers.Testing;

namespace Lockers.Controller.Linux.Tests.Locks;

/// <summary>
/// The core's pulse cut-off (ADR 0007) on the Linux host's lock outputs: the host's timer releases the coil on an
/// MCP23017 at the pulse end with nobody calling the core's Poll (a stalled main loop).
/// </summary>
public sealed class PulseCutOffTests
{
    [Fact]
    public void StalledMainLoop_TimerReleasesTheExpanderCoil_AtThePulseEnd()
    {
        var simulated = new SimulatedMcp23017(bus: 1, address: 0x20);
        var chip = new Mcp23017Chip("U2", new Mcp23017(simulated, shouldDispose: false));
        var locks = new Mcp23017SolenoidGroup(chip);
        var port = new RoutedSolenoidPort();
        locks.Add(1, 4); // A4
        port.Add(1, locks);
        locks.Enable();
        var time = new FakeTimeProvider();
        using var timer = new TimeProviderPulseTimer(time);
        var clock = new SystemClock(time);
        var guard = new PulseGuard(port, timer, clock);

        guard.Energise(1, 300, clock.UptimeMs);
        Assert.Equal(1 << 4, simulated.Peek(SimulatedMcp23017.Olat) & (1 << 4));

        time.Advance(TimeSpan.FromMilliseconds(299));
        Assert.Equal(1 << 4, simulated.Peek(SimulatedMcp23017.Olat) & (1 << 4));

        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, simulated.Peek(SimulatedMcp23017.Olat) & (1 << 4));
        Assert.Equal(0, port.Energised);
        Assert.Equal(1, guard.CutOffCount);
    }
}
