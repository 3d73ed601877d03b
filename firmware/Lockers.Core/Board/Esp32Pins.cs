namespace Lockers.Core.Board
{
    /// <summary>
    /// What each ESP32 (WROOM/WROVER, classic ESP32) GPIO number may be used for. Source: Espressif's
    /// ESP32 datasheet, "Strapping Pins" and "Pin Description".
    /// </summary>
    public static class Esp32Pins
    {
        /// <summary>True for a GPIO the chip has: 0-19, 21-23, 25-27, 32-39.</summary>
        public static bool Exists(int gpio) =>
            (gpio >= 0 && gpio <= 19) || (gpio >= 21 && gpio <= 23) || (gpio >= 25 && gpio <= 27) || (gpio >= 32 && gpio <= 39);

        /// <summary>True for 6-11, wired to the module's SPI flash: touching them crashes the chip.</summary>
        public static bool IsFlash(int gpio) => gpio >= 6 && gpio <= 11;

        /// <summary>True for 34-39, which have no output driver (and no internal pull-ups).</summary>
        public static bool IsInputOnly(int gpio) => gpio >= 34 && gpio <= 39;

        /// <summary>
        /// True for the strapping pins 0, 2, 5, 12 and 15, sampled at reset: an input pulled up or down there
        /// (a sensor, a keypad input, a UART RX held high) can stop the board booting or set the wrong flash voltage.
        /// </summary>
        public static bool IsStrapping(int gpio) => gpio == 0 || gpio == 2 || gpio == 5 || gpio == 12 || gpio == 15;
    }
}
