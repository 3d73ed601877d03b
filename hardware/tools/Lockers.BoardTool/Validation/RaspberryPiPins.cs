namespace Lockers.BoardTool.Validation;

/// <summary>
/// Facts about the Raspberry Pi's 40-pin header (BCM GPIO numbers; Pi 2, 3, 4 and 5 share it) that decide where a
/// signal may go on a board whose "mcu" starts with "Raspberry Pi" (the Linux controller). Sources: the Raspberry Pi
/// hardware documentation (header, HAT ID EEPROM, 1.8 kOhm pull-ups on GPIO2/3, primary UART on GPIO14/15) and the
/// BCM2711 peripherals datasheet (default pulls at reset: GPIO0-8 up, GPIO9-27 down).
/// </summary>
public static class RaspberryPiPins
{
    /// <summary>The highest GPIO on the header.</summary>
    public const int HighestGpio = 27;

    /// <summary>ID_SD/ID_SC: the HAT ID EEPROM bus the firmware reads at boot.</summary>
    public static readonly int[] IdEeprom = [0, 1];

    /// <summary>The only fixed I2C bus: bus 1, SDA on GPIO2 and SCL on GPIO3, pulled up on the Pi by 1.8 kOhm.</summary>
    public const int I2cBus = 1, I2cSda = 2, I2cScl = 3;

    /// <summary>The primary UART, /dev/serial0: TX on GPIO14, RX on GPIO15.</summary>
    public const string ScannerUart = "/dev/serial0";

    /// <summary>TX and RX of the primary UART.</summary>
    public const int UartTx = 14, UartRx = 15;

    /// <summary>Pulled up (about 50 kOhm) from reset until Linux claims them: enough to switch on a lock's MOSFET
    /// against its 100 kOhm gate pull-down while the Pi boots.</summary>
    public static readonly int[] PulledUpAtReset = [0, 1, 2, 3, 4, 5, 6, 7, 8];

    /// <summary>True when the board's "mcu" names a Raspberry Pi.</summary>
    public static bool Is(BoardTool.Model.BoardFile board) =>
        board.Mcu?.StartsWith("Raspberry Pi", StringComparison.OrdinalIgnoreCase) == true;
}
