using System.Device.Gpio;
using System.Device.I2c;

namespace Lockers.Controller.Linux.Hardware;

/// <summary>
/// Where the drivers get their buses: the board's GPIO controller, I2C devices and serial ports. On the board
/// these are libgpiod, /dev/i2c-N and /dev/ttyX (<see cref="LinuxBoardBuses"/>); the tests hand in simulated
/// chips at the same level (a GpioDriver, an I2cDevice, a stream), so the real binding code runs against them.
/// </summary>
public interface IBoardBuses : IDisposable
{
    /// <summary>The one GPIO controller every pin of the board is opened on.</summary>
    GpioController Gpio { get; }

    /// <summary>The I2C device at the 7-bit <paramref name="address"/> on bus <paramref name="bus"/> (/dev/i2c-<paramref name="bus"/>).</summary>
    I2cDevice OpenI2c(int bus, int address);

    /// <summary>Opens the serial device (e.g. /dev/serial0) at <paramref name="baud"/>, 8N1, and returns its byte stream.</summary>
    Stream OpenSerial(string device, int baud);
}
