using Lockers.Core.Tests.Fakes;

namespace Lockers.Core.Tests.Doors;

/// <summary>The fake is the safety net of every door test, so it is tested too.</summary>
public class FakeSolenoidPortTests
{
    [Fact]
    public void SecondSolenoidWhileOneIsOn_Throws()
    {
        var port = new FakeSolenoidPort(new FakeClock());
        port.SetEnergised(1, true);

        Assert.Throws<InvalidOperationException>(() => port.SetEnergised(2, true));
    }

    [Fact]
    public void PulseAndAllOff_AreRecordedWithTimes()
    {
        var clock = new FakeClock();
        var port = new FakeSolenoidPort(clock);
        port.SetEnergised(3, true);
        clock.Advance(120);
        port.SetEnergised(3, false);
        port.SetEnergised(4, true);
        clock.Advance(80);
        port.AllOff();

        Assert.Equal(new[] { new SolenoidPulse(3, 0, 120), new SolenoidPulse(4, 120, 200) }, port.Pulses);
        Assert.Empty(port.Energised);
        Assert.Equal(1, port.AllOffCount);
    }
}
