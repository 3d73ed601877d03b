using System.Device.Gpio;
using Lockers.Core.Ports;

namespace Lockers.Controller.Linux.Doors;

/// <summary>
/// Reed switches on the board's own GPIO pins. The pin gets the internal pull-up where the driver offers one
/// (libgpiod bias); the reference wiring has an external 10 kOhm pull-up as well, which is what a few metres of
/// cable need. The board file's openLevel says which level means "door open".
/// </summary>
public sealed class GpioDoorSensorGroup : IDoorSensorPort
{
    private readonly GpioController _gpio;
    private readonly Dictionary<int, (int Pin, bool OpenHigh)> _sensors = new();

    /// <summary>An empty group on the board's controller; <see cref="Add"/> wires compartments.</summary>
    public GpioDoorSensorGroup(GpioController gpio) => _gpio = gpio;

    /// <summary>Opens <paramref name="pin"/> as an input; <paramref name="openHigh"/>: High means "door open".</summary>
    public void Add(int compartment, int pin, bool openHigh)
    {
        var mode = _gpio.IsPinModeSupported(pin, PinMode.InputPullUp) ? PinMode.InputPullUp : PinMode.Input;
        _gpio.OpenPin(pin, mode);
        _sensors[compartment] = (pin, openHigh);
    }

    /// <inheritdoc />
    public bool ReadOpen(int compartment) =>
        _sensors.TryGetValue(compartment, out var sensor) && (_gpio.Read(sensor.Pin) == PinValue.High) == sensor.OpenHigh;
}
