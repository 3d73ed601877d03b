namespace Lockers.Core.Ports
{
    /// <summary>
    /// Called with bytes received from the scanner. The bytes are only valid during the call: the driver may
    /// reuse <paramref name="buffer"/> afterwards, so the receiver copies what it keeps.
    /// </summary>
    public delegate void ScannerBytesHandler(byte[] buffer, int offset, int count);

    /// <summary>The QR/barcode scanner's UART. It delivers raw bytes in arbitrary chunks, not lines.</summary>
    public interface IScannerPort
    {
        /// <summary>Bytes arrived from the scanner; may be raised on the serial driver's thread.</summary>
        event ScannerBytesHandler BytesReceived;
    }
}
