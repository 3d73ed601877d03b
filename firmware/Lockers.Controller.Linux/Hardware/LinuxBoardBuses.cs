using System.Device.Gpio;
using System.Device.Gpio.Drivers;
using System.Device.I2c;
using System.IO.Ports;
using System.Runtime.InteropServices;

namespace Lockers.Controller.Linux.Hardware;

/// <summary>
/// The real buses of a Linux board: GPIO through libgpiod (the character device, not sysfs and not the Pi's
/// /dev/gpiomem register driver that <c>new GpioController()</c> would pick), I2C through /dev/i2c-N, the
/// scanner through System.IO.Ports. Needs libgpiod installed: libgpiod3 (the v2 API, Debian 13 and the Raspberry
/// Pi OS built on it) is used when present, otherwise libgpiod2 (the v1 API, Raspberry Pi OS bookworm).
/// </summary>
public sealed class LinuxBoardBuses : IBoardBuses
{
    private readonly List<SerialPort> _opened = new();

    /// <summary>Opens GPIO chip <paramref name="gpioChip"/> (0 on a Raspberry Pi 1-4 and, on current kernels, the Pi 5).</summary>
    public LinuxBoardBuses(int gpioChip)
    {
        Gpio = new GpioController(CreateDriver(gpioChip));
    }

    /// <summary>Which libgpiod API the GPIO driver uses on this system: "v2" (libgpiod.so.3) or "v1".</summary>
    public static string LibgpiodApi => HasLibgpiodV2() ? "v2" : "v1";

    /// <inheritdoc />
    public GpioController Gpio { get; }

    /// <inheritdoc />
    public I2cDevice OpenI2c(int bus, int address) =>
        I2cDevice.Create(new I2cConnectionSettings(bus, address)); // the Mcp23017 that takes it disposes it

    /// <inheritdoc />
    public Stream OpenSerial(string device, int baud)
    {
        var port = OpenScannerPort(device, baud);
        _opened.Add(port);
        return port.BaseStream;
    }

    /// <summary>Opens <paramref name="device"/> as the scanner's line: <paramref name="baud"/>, 8N1, no handshake.</summary>
    public static SerialPort OpenScannerPort(string device, int baud)
    {
        var port = new SerialPort(device, baud, Parity.None, 8, StopBits.One) { Handshake = Handshake.None };
        port.Open();
        return port;
    }

    // The two driver classes load different libraries (LibGpiodDriver: libgpiod.so.2 or .1; LibGpiodV2Driver:
    // libgpiod.so.3) and neither falls back to the other.
    private static GpioDriver CreateDriver(int gpioChip) =>
        HasLibgpiodV2() ? new LibGpiodV2Driver(gpioChip) : new LibGpiodDriver(gpioChip);

    private static bool HasLibgpiodV2()
    {
        if (!NativeLibrary.TryLoad("libgpiod.so.3", out IntPtr handle))
        {
            return false;
        }

        NativeLibrary.Free(handle);
        return true;
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
