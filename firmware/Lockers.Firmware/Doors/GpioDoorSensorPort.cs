using System.Collections;
using System.Device.Gpio;
using Lockers.Core.Ports;

namespace Lockers.Firmware.Doors
{
    /// <summary>
    /// Reed switches on ESP32 pins. Pins that support it get the internal pull-up (switch to GND); the input-only
    /// pins 34-39 have none, so those need an external pull-up or pull-down matching the board's openLevel.
    /// </summary>
    public sealed class GpioDoorSensorPort : IDoorSensorPort
    {
        private readonly GpioController _gpio;
        private readonly Hashtable _pins = new Hashtable();
        private readonly Hashtable _openHigh = new Hashtable();

        /// <summary>Creates an empty group on the shared controller; <see cref="Add"/> wires compartments.</summary>
        public GpioDoorSensorPort(GpioController gpio)
        {
            _gpio = gpio;
        }

        /// <summary>Opens <paramref name="pin"/> as an input; <paramref name="openHigh"/> is true when High means "door open".</summary>
        public void Add(int compartment, int pin, bool openHigh)
        {
            PinMode mode = _gpio.IsPinModeSupported(pin, PinMode.InputPullUp) ? PinMode.InputPullUp : PinMode.Input;
            _gpio.OpenPin(pin, mode);
            _pins[compartment] = pin;
            _openHigh[compartment] = openHigh;
        }

        /// <inheritdoc/>
        public bool ReadOpen(int compartment)
        {
            object pin = _pins[compartment];
            return pin != null && (_gpio.Read((int)pin) == PinValue.High) == (bool)_openHigh[compartment];
        }
    }
}
