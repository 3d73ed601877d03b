namespace Lockers.Core.Board
{
    /// <summary>The QR scanner's serial port.</summary>
    public sealed class ScannerDefinition
    {
        internal ScannerDefinition(string uart, int rx, int tx, int baud)
        {
            Uart = uart;
            Rx = rx;
            Tx = tx;
            Baud = baud;
        }

        /// <summary>"COM2" or "COM3" (COM1 is the debug port).</summary>
        public string Uart { get; }

        /// <summary>The ESP32 receive pin (the scanner's TX).</summary>
        public int Rx { get; }

        /// <summary>The ESP32 transmit pin (the scanner's RX).</summary>
        public int Tx { get; }

        /// <summary>The baud rate.</summary>
        public int Baud { get; }
    }
}
