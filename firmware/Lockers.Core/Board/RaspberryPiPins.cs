namespace Lockers.Core.Board
{
    /// <summary>
    /// What each Raspberry Pi header GPIO (BCM numbering; Pi 2, 3, 4 and 5 share the 40-pin layout) may be used
    /// for, on boards whose "mcu" starts with "Raspberry Pi" (the Linux controller host). Sources: the Raspberry
    /// Pi hardware documentation (GPIO header, HAT ID EEPROM on GPIO0/1, the 1.8 kOhm pull-ups on GPIO2/3, the
    /// primary UART on GPIO14/15) and the BCM2711 peripherals datasheet (pulls at reset: GPIO0-8 up, 9-27 down).
    /// The rules built on these are listed in docs/board-file.md, "Rules".
    /// </summary>
    public static class RaspberryPiPins
    {
        /// <summary>The scanner's serial device on a Pi: the primary UART, TX on GPIO14 and RX on GPIO15.</summary>
        public const string ScannerUart = "/dev/serial0";

        /// <summary>The only I2C bus on fixed header pins: bus 1, SDA on GPIO2, SCL on GPIO3.</summary>
        public const int I2cBus = 1;

        /// <summary>SDA of I2C bus 1.</summary>
        public const int I2cSda = 2;

        /// <summary>SCL of I2C bus 1.</summary>
        public const int I2cScl = 3;

        /// <summary>TX of the primary UART.</summary>
        public const int UartTx = 14;

        /// <summary>RX of the primary UART.</summary>
        public const int UartRx = 15;

        /// <summary>True when the board's "mcu" names a Raspberry Pi (starts with "Raspberry Pi", any case).</summary>
        public static bool IsRaspberryPi(string mcu) => mcu.ToUpper().IndexOf("RASPBERRY PI") == 0;

        /// <summary>True for a GPIO on the 40-pin header: 0-27.</summary>
        public static bool Exists(int gpio) => gpio >= 0 && gpio <= 27;

        /// <summary>True for 0 and 1, the HAT ID EEPROM bus the firmware reads at boot.</summary>
        public static bool IsIdEeprom(int gpio) => gpio == 0 || gpio == 1;

        /// <summary>True for 2 and 3, I2C bus 1, with 1.8 kOhm pull-ups to 3.3 V on the Pi itself.</summary>
        public static bool IsI2c(int gpio) => gpio == I2cSda || gpio == I2cScl;

        /// <summary>True for 14 and 15, the primary UART (/dev/serial0).</summary>
        public static bool IsUart(int gpio) => gpio == UartTx || gpio == UartRx;

        /// <summary>
        /// True for 0-8, which the SoC pulls up (about 50 kOhm) from reset until Linux claims them. Against a lock
        /// driver's 100 kOhm gate pull-down that is about 2.2 V on the gate: the MOSFET conducts and the door opens
        /// while the Pi boots. Locks and the buzzer go on 9-27, which are pulled down at reset.
        /// </summary>
        public static bool IsPulledUpAtReset(int gpio) => gpio >= 0 && gpio <= 8;
    }
}
