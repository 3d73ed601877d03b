using Lockers.Simulator.Hardware;

namespace Lockers.Simulator.Tests.Hardware;

public class SimulatedDoorTests
{
    [Fact]
    public void Pulse_ClosedDoor_SpringsOpen()
    {
        var door = new SimulatedDoor(1);

        door.SetSolenoid(true);

        Assert.True(door.IsOpen);
        Assert.Equal(1, door.PulseCount);
    }

    [Fact]
    public void Pulse_JammedDoor_StaysShut()
    {
        var door = new SimulatedDoor(1);
        door.Jam();

        door.SetSolenoid(true);
        door.SetSolenoid(false);

        Assert.False(door.IsOpen);
        Assert.Equal(1, door.PulseCount);
    }

    [Fact]
    public void Force_ClosedDoor_OpensWithoutPulse()
    {
        var door = new SimulatedDoor(1);

        door.Force();

        Assert.True(door.IsOpen);
        Assert.Equal(0, door.PulseCount);
        Assert.Equal(1, door.ForcedCount);
    }

    [Fact]
    public void Close_OpenDoor_ReadsClosedOnTheSensor()
    {
        var cabinet = new SimulatedCabinet(new[] { 1, 2 });
        var sensors = new SimulatedDoorSensorPort(cabinet);
        cabinet[2].Force();
        Assert.True(sensors.ReadOpen(2));

        cabinet[2].Close();

        Assert.False(sensors.ReadOpen(2));
        Assert.False(sensors.ReadOpen(7)); // unwired numbers read closed
    }

    [Fact]
    public void SolenoidPort_TwoEnergisedAtOnce_IsRecorded()
    {
        var cabinet = new SimulatedCabinet(new[] { 1, 2 });
        var port = new SimulatedSolenoidPort(cabinet);

        port.SetEnergised(1, true);
        port.SetEnergised(2, true);
        port.AllOff();

        Assert.Equal(2, port.MaxSimultaneous);
        Assert.Equal(0, cabinet.EnergisedCount);
        Assert.Equal(1, port.AllOffCount);
    }
}
