namespace Lockers.BoardTool.Validation;

/// <summary>
/// Facts about the original ESP32 (ESP32-D0WD in the WROOM-32 and WROVER modules) that decide
/// where a signal may go. Sources: Espressif's ESP32 datasheet (pin list, strapping pins) and the
/// WROOM-32E / WROVER-E module datasheets.
/// </summary>
public static class Esp32Pins
{
    /// <summary>GPIO numbers the chip does not bond out at all.</summary>
    public static readonly int[] Missing = [20, 24, 28, 29, 30, 31];

    /// <summary>Wired to the module's SPI flash: touching them crashes the chip.</summary>
    public static readonly int[] Flash = [6, 7, 8, 9, 10, 11];

    /// <summary>No output driver and no internal pull-up or pull-down.</summary>
    public static readonly int[] InputOnly = [34, 35, 36, 37, 38, 39];

    /// <summary>Sampled at reset to pick the boot mode, flash voltage and boot log: anything that
    /// pulls them (a pull-up, a pull-down, a gate resistor, a peripheral's idle level) can stop the
    /// board booting or, on GPIO12, brown out the flash at 1.8 V.</summary>
    public static readonly int[] Strapping = [0, 2, 5, 12, 15];

    /// <summary>UART0 TX/RX: nanoFramework's COM1, the debug and deployment port.</summary>
    public static readonly int[] DebugUart = [1, 3];

    /// <summary>Taken by the PSRAM on WROVER modules.</summary>
    public static readonly int[] WroverPsram = [16, 17];

    public const int HighestGpio = 39;
}
