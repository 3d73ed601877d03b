using System.Text;
using Lockers.Core.Ports;

namespace Lockers.Core.Tests.Fakes;

/// <summary>
/// A scanner UART a test feeds bytes into. Like a real driver it reuses one buffer, hands over a slice at a
/// non-zero offset, and overwrites the buffer after each call, so a receiver that keeps a reference fails.
/// </summary>
public sealed class FakeScannerPort : IScannerPort
{
    private const int Offset = 3;
    private readonly byte[] _buffer = new byte[64 + Offset];

    public event ScannerBytesHandler? BytesReceived;

    /// <summary>Delivers <paramref name="bytes"/> in chunks of at most <paramref name="chunk"/> (max 64) bytes.</summary>
    public void Send(byte[] bytes, int chunk = 64)
    {
        chunk = Math.Clamp(chunk, 1, 64);
        for (int i = 0; i < bytes.Length; i += chunk)
        {
            int n = Math.Min(chunk, bytes.Length - i);
            Array.Copy(bytes, i, _buffer, Offset, n);
            BytesReceived?.Invoke(_buffer, Offset, n);
            Array.Fill(_buffer, (byte)0xEE);
        }
    }

    /// <summary>Delivers text as UTF-8.</summary>
    public void Send(string text, int chunk = 64) => Send(Encoding.UTF8.GetBytes(text), chunk);
}
