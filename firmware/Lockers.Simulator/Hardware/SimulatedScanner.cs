using System.Text;
using Lockers.Core.Ports;

namespace Lockers.Simulator.Hardware;

/// <summary>A QR/barcode scanner on a UART: a scan delivers the code's bytes and a CR, like a real scanner in its default mode.</summary>
public sealed class SimulatedScanner : IScannerPort
{
    /// <inheritdoc />
    public event ScannerBytesHandler? BytesReceived;

    /// <summary>Scans a code: raises its ASCII bytes followed by CR in one chunk.</summary>
    public void Scan(string code) => Send(Encoding.ASCII.GetBytes(code + "\r"));

    /// <summary>Delivers raw bytes (line noise, partial chunks) exactly as given.</summary>
    public void Send(byte[] bytes) => BytesReceived?.Invoke(bytes, 0, bytes.Length);
}
