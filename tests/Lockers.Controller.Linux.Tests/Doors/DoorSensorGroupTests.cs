using Iot.Device.Mcp23xxx;
using Lockers.Controller.Linux.Doors;
using Lockers.Controller.Linux.Hardware;
using Lockers.Controller.Linux.Tests.Simulation;
using Lockers.Hosting;
using Lockers.Testing;
using System.Device.Gpio;

namespace Lockers.Controller.Linux.Tests.Doors;

/// <summary>Reed switches on the Pi's GPIO and on an MCP23017, read through the real drivers from simulated chips.</summary>
public sealed class DoorSensorGroupTests
{
    [Fact]
    public void GpioSensor_OpenLevelHighOrLow_ReadsOpenOnlyAtThatLevel()
    {
        var driver = new SimulatedGpioDriver();
        using var gpio = new GpioController(driver);
        var sensors = new GpioDoorSensorGroup(gpio);
        sensors.Add(1, 4, openHigh: true);
        sensors.Add(2, 5, openHigh: false);

        driver.SetOutside(4, true);
        driver.SetOutside(5, true);
        Assert.True(sensors.ReadOpen(1));
        Assert.False(sensors.ReadOpen(2));

        driver.SetOutside(4, false);
        driver.SetOutside(5, false);
        Assert.False(sensors.ReadOpen(1));
        Assert.True(sensors.ReadOpen(2));
        Assert.Equal(PinMode.InputPullUp, driver.ModeOf(4));
    }

    [Fact]
    public void GpioSensor_CutWire_ReadsOpen_WithThePullUp()
    {
        var driver = new SimulatedGpioDriver();
        using var gpio = new GpioController(driver);
        var sensors = new GpioDoorSensorGroup(gpio);
        sensors.Add(1, 9, openHigh: true);

        driver.SetOutside(9, null); // the reed switch's wire is cut: nothing pulls the pin low

        Assert.True(sensors.ReadOpen(1));
    }

    [Fact]
    public void ExpanderSensors_OnePassOverEveryDoor_CostsOneBusRead_UntilTheReadingAges()
    {
        var simulated = new SimulatedMcp23017(bus: 1, address: 0x22);
        var chip = new Mcp23017Chip("U4", new Mcp23017(simulated, shouldDispose: false));
        var time = new FakeTimeProvider();
        var sensors = new Mcp23017DoorSensorGroup(chip, new SystemClock(time));
        for (int c = 0; c < 6; c++)
        {
            sensors.Add(c + 1, c < 3 ? c : 8 + c, openHigh: true); // A0-A2, B3-B5
        }

        sensors.Enable();
        Assert.Equal(0b0000_0111, simulated.Peek(SimulatedMcp23017.Gppu));
        Assert.Equal(0b0011_1000, simulated.Peek(SimulatedMcp23017.Gppu + 1));
        for (int line = 0; line < 16; line++)
        {
            simulated.SetInput(line, false);
        }

        simulated.SetInput(1, true);  // door 2 open
        simulated.SetInput(12, true); // door 5 open
        int before = simulated.Transactions;

        bool[] open = Enumerable.Range(1, 6).Select(sensors.ReadOpen).ToArray();

        Assert.Equal(new[] { false, true, false, false, true, false }, open);
        Assert.Equal(2, simulated.Transactions - before); // set the pointer, read GPIOA and GPIOB
        simulated.SetInput(1, false);
        Assert.True(sensors.ReadOpen(2)); // the reading is reused within MaxAgeMs
        time.Advance(TimeSpan.FromMilliseconds(Mcp23017DoorSensorGroup.MaxAgeMs + 1));
        Assert.False(sensors.ReadOpen(2));
    }
}
