using Lockers.Core.Ports;
using Microsoft.Extensions.Logging;

namespace Lockers.Controller.Linux.Input;

/// <summary>
/// The QR/barcode scanner's serial line (System.IO.Ports on the board; any byte stream in tests). A thread of
/// its own reads whatever arrives and hands each chunk to the core, which assembles CR-terminated lines itself.
/// </summary>
public sealed class SerialScannerPort : IScannerPort, IDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(2);

    private readonly Stream _input;
    private readonly ILogger? _logger;
    private readonly byte[] _buffer = new byte[256];
    private Thread? _reader;
    private volatile bool _stopping;

    /// <summary>Reads from <paramref name="input"/>, which this port owns and closes on <see cref="Dispose"/>.</summary>
    public SerialScannerPort(Stream input, ILogger? logger = null)
    {
        _input = input;
        _logger = logger;
    }

    /// <inheritdoc />
    public event ScannerBytesHandler? BytesReceived;

    /// <summary>Starts reading. Call once, after the controller has subscribed to <see cref="BytesReceived"/>.</summary>
    public void Start()
    {
        if (_reader is not null)
        {
            return;
        }

        _reader = new Thread(Read) { IsBackground = true, Name = "scanner read" };
        _reader.Start();
    }

    /// <summary>Closes the line and waits (bounded) for the reader thread.</summary>
    public void Dispose()
    {
        _stopping = true;
        _input.Dispose();
        _reader?.Join(StopTimeout);
    }

    private void Read()
    {
        try
        {
            while (!_stopping)
            {
                int count = _input.Read(_buffer, 0, _buffer.Length);
                if (count <= 0)
                {
                    _logger?.LogWarning("the scanner's serial line closed; scanning stops until the controller restarts");
                    return;
                }

                BytesReceived?.Invoke(_buffer, 0, count);
            }
        }
        catch (Exception error)
        {
            // The thread's last word: an exception escaping it would end the whole process.
            if (!_stopping)
            {
                _logger?.LogError(error, "reading the scanner failed; scanning stops until the controller restarts");
            }
        }
    }
}
