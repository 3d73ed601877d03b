namespace Lockers.Core.Board
{
    /// <summary>
    /// One wire on the board: either an ESP32 GPIO pin or one bit of an MCP23017 expander port.
    /// </summary>
    public sealed class LineRef
    {
        private LineRef(int gpio, string expander, char port, int bit)
        {
            Gpio = gpio;
            Expander = expander;
            Port = port;
            Bit = bit;
        }

        /// <summary>The GPIO number, or -1 when the line is on an expander.</summary>
        public int Gpio { get; }

        /// <summary>The expander's id, or "" for a GPIO line.</summary>
        public string Expander { get; }

        /// <summary>'A' or 'B' for an expander line, '\0' for a GPIO line.</summary>
        public char Port { get; }

        /// <summary>The bit 0..7 of an expander port, or -1 for a GPIO line.</summary>
        public int Bit { get; }

        /// <summary>True for a GPIO line, false for an expander line.</summary>
        public bool IsGpio => Gpio >= 0;

        /// <summary>A GPIO line.</summary>
        public static LineRef ForGpio(int gpio) => new LineRef(gpio, "", '\0', -1);

        /// <summary>An expander line.</summary>
        public static LineRef ForExpander(string expander, char port, int bit) => new LineRef(-1, expander, port, bit);

        /// <summary>"GPIO19" or "U2.A4": also the key used to find a line used twice.</summary>
        public override string ToString() => IsGpio ? "GPIO" + Gpio : Expander + "." + Port + Bit;
    }
}
