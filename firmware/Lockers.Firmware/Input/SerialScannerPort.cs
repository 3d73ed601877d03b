using System;
using System.IO.Ports;
using Lockers.Core.Ports;
using nanoFramework.Hardware.Esp32;

namespace Lockers.Firmware.Input
{
    /// <summary>
    /// The QR/barcode scanner on an ESP32 UART (COM2 or COM3; COM1 is the debug port). The scanner ends each code
    /// with CR, which is the port's WatchChar, so a complete code raises DataReceived at once. Every event drains
    /// the receive buffer and hands the bytes to the core, which assembles lines itself.
    /// </summary>
    public sealed class SerialScannerPort : IScannerPort
    {
        private readonly SerialPort _port;
        private readonly byte[] _buffer = new byte[256];

        /// <summary>Routes <paramref name="rxPin"/>/<paramref name="txPin"/> to the UART and opens it (8N1).</summary>
        public SerialScannerPort(string portName, int rxPin, int txPin, int baud)
        {
            if (portName == "COM2")
            {
                Configuration.SetPinFunction(rxPin, DeviceFunction.COM2_RX);
                Configuration.SetPinFunction(txPin, DeviceFunction.COM2_TX);
            }
            else if (portName == "COM3")
            {
                Configuration.SetPinFunction(rxPin, DeviceFunction.COM3_RX);
                Configuration.SetPinFunction(txPin, DeviceFunction.COM3_TX);
            }
            else
            {
                throw new ArgumentException("scanner.uart must be COM2 or COM3");
            }

            _port = new SerialPort(portName, baud, Parity.None, 8, StopBits.One);
            _port.ReadTimeout = 50;
            _port.DataReceived += OnDataReceived;
            _port.Open();

            // Set after Open: the setter pushes the value to the native driver only on an open port.
            _port.WatchChar = '\r';
        }

        /// <inheritdoc/>
        public event ScannerBytesHandler BytesReceived;

        private void OnDataReceived(object sender, SerialDataReceivedEventArgs e)
        {
            try
            {
                int available = _port.BytesToRead;
                while (available > 0)
                {
                    // With a WatchChar set, Read stops after it; the loop picks up whatever follows.
                    int count = _port.Read(_buffer, 0, available < _buffer.Length ? available : _buffer.Length);
                    if (count <= 0)
                    {
                        break;
                    }

                    ScannerBytesHandler handler = BytesReceived;
                    if (handler != null)
                    {
                        handler(_buffer, 0, count);
                    }

                    available = _port.BytesToRead;
                }
            }
            catch (Exception)
            {
                // A read timeout or framing error drops this chunk; the core's line reader discards the partial code.
            }
        }
    }
}
