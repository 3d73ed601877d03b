using System.Device.Gpio;
using System.Device.Gpio.Drivers;
using System.Device.I2c;
using System.IO.Ports;

namespace Lockers.Controller.Linux.Hardware;

/// <summary>
/// The real buses of a Linux board: GPIO through libgpiod (the character device, not sysfs and not the Pi's
/// /dev/gpiomem register driver that <c>new GpioController()</c> would pick), I2C through /dev/i2c-N, the
/// scanner through System.IO.Ports. Needs libgpiod installed (Debian: libgpiod2 or libgpiod3).
/// </summary>
public sealed class LinuxBoardBuses : IBoardBuses
{
    private readonly List<SerialPort> _opened = new();

    /// <summary>Opens GPIO chip <paramref name="gpioChip"/> (0 on a Raspberry Pi 1-4 and, on current kernels, the Pi 5).</summary>
    public LinuxBoardBuses(int gpioChip)
    {
        Gpio = new GpioController(new LibGpiodDriver(gpioChip));
    }

    /// <inheritdoc />
    public GpioController Gpio { get; }

    /// <inheritdoc />
    public I2cDevice OpenI2c(int bus, int address) =>
        I2cDevice.Create(new I2cConnectionSettings(bus, address)); // the Mcp23017 that takes it disposes it

    /// <inheritdoc />
    public Stream OpenSerial(string device, int baud)
    {
        var port = new SerialPort(device, baud, Parity.None, 8, StopBits.One);
        port.Open();
        _opened.Add(port);
        return port.BaseStream;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        for (int i = _opened.Count - 1; i >= 0; i--)
        {
            _opened[i].Dispose();
        }

        Gpio.Dispose();
    }
}
