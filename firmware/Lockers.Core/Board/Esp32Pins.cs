namespace Lockers.Core.Board
{
    /// <summary>
    /// What each ESP32 (WROOM/WROVER, classic ESP32) GPIO number may be used for. Sources: Espressif's
    /// ESP32 datasheet ("Strapping Pins", "Pin Description") and the WROOM-32E / WROVER-E module datasheets.
    /// The rules built on these are listed in docs/board-file.md, "Rules".
    /// </summary>
    public static class Esp32Pins
    {
        /// <summary>True for a GPIO the chip has: 0-19, 21-23, 25-27, 32-39.</summary>
        public static bool Exists(int gpio) =>
            (gpio >= 0 && gpio <= 19) || (gpio >= 21 && gpio <= 23) || (gpio >= 25 && gpio <= 27) || (gpio >= 32 && gpio <= 39);

        /// <summary>True for 6-11, wired to the module's SPI flash: touching them crashes the chip.</summary>
        public static bool IsFlash(int gpio) => gpio >= 6 && gpio <= 11;

        /// <summary>True for 1 and 3, UART0 TX/RX: nanoFramework's COM1, the debug and deployment port.</summary>
        public static bool IsDebugUart(int gpio) => gpio == 1 || gpio == 3;

        /// <summary>True for 16 and 17, which a WROVER module wires to its PSRAM (see <see cref="IsWrover"/>).</summary>
        public static bool IsPsram(int gpio) => gpio == 16 || gpio == 17;

        /// <summary>True when the board's "mcu" names a WROVER module (any case), whose PSRAM takes GPIO16/17.</summary>
        public static bool IsWrover(string mcu) => mcu.ToUpper().IndexOf("WROVER") >= 0;

        /// <summary>True for 34-39, which have no output driver (and no internal pull-ups).</summary>
        public static bool IsInputOnly(int gpio) => gpio >= 34 && gpio <= 39;

        /// <summary>
        /// True for the strapping pins 0, 2, 5, 12 and 15, sampled at reset. Anything that pulls one of them
        /// (an input's pull resistor, a MOSFET gate's pull-down, a UART idling high) can stop the board booting
        /// or set the wrong flash voltage; and GPIO0, 5 and 15 are pulled up inside the chip at reset, which
        /// would switch on a lock or the buzzer wired there. Only the status LED and keypad outputs may use them.
        /// </summary>
        public static bool IsStrapping(int gpio) => gpio == 0 || gpio == 2 || gpio == 5 || gpio == 12 || gpio == 15;
    }
}
