using System.Device.Gpio;
using Lockers.Core.Ports;

namespace Lockers.Controller.Linux.Locks;

/// <summary>
/// Lock outputs on the board's own GPIO pins, active high (High = energised). Each pin is requested as an
/// output that starts Low, so it never drives High on the way (libgpiod v1: the request carries the value; v2:
/// the request's default output value is inactive, Low, and System.Device.Gpio writes Low after it). Between power-up and that
/// request the pin is an input, so the MOSFET gate needs its pull-down (the board file's pin rules keep locks
/// off the pins the SoC pulls up at reset).
/// </summary>
public sealed class GpioSolenoidGroup : ISolenoidPort
{
    private readonly GpioController _gpio;
    private readonly Dictionary<int, int> _pins = new();

    /// <summary>An empty group on the board's controller; <see cref="Add"/> wires compartments.</summary>
    public GpioSolenoidGroup(GpioController gpio) => _gpio = gpio;

    /// <summary>Opens <paramref name="pin"/> as an output driven Low and routes <paramref name="compartment"/> to it.</summary>
    public void Add(int compartment, int pin)
    {
        _gpio.OpenPin(pin, PinMode.Output, PinValue.Low);
        _pins[compartment] = pin;
    }

    /// <inheritdoc />
    public void SetEnergised(int compartment, bool on)
    {
        if (_pins.TryGetValue(compartment, out int pin))
        {
            _gpio.Write(pin, on ? PinValue.High : PinValue.Low);
        }
    }

    /// <inheritdoc />
    public void AllOff()
    {
        foreach (int pin in _pins.Values)
        {
            _gpio.Write(pin, PinValue.Low);
        }
    }
}
