using System.Collections;
using System.Device.Gpio;
using Lockers.Core.Ports;

namespace Lockers.Firmware.Locks
{
    /// <summary>
    /// Lock outputs on ESP32 pins, active high (High = energised). Each pin is driven Low the moment it is opened.
    /// The pins float as inputs between reset and that moment, so the driver stage needs a pull-down on its gate.
    /// </summary>
    public sealed class GpioSolenoidPort : ISolenoidPort
    {
        private readonly GpioController _gpio;
        private readonly Hashtable _pins = new Hashtable();

        /// <summary>Creates an empty group on the shared controller; <see cref="Add"/> wires compartments.</summary>
        public GpioSolenoidPort(GpioController gpio)
        {
            _gpio = gpio;
        }

        /// <summary>Opens <paramref name="pin"/> as an output, drives it Low (released) and routes the compartment to it.</summary>
        public void Add(int compartment, int pin)
        {
            _gpio.OpenPin(pin, PinMode.Output);
            _gpio.Write(pin, PinValue.Low);
            _pins[compartment] = pin;
        }

        /// <inheritdoc/>
        public void SetEnergised(int compartment, bool on)
        {
            object pin = _pins[compartment];
            if (pin != null)
            {
                _gpio.Write((int)pin, on ? PinValue.High : PinValue.Low);
            }
        }

        /// <inheritdoc/>
        public void AllOff()
        {
            foreach (object pin in _pins.Values)
            {
                _gpio.Write((int)pin, PinValue.Low);
            }
        }
    }
}
