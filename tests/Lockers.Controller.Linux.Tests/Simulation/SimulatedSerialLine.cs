using System.Collections.Concurrent;

namespace Lockers.Controller.Linux.Tests.Simulation;

/// <summary>
/// The scanner's serial line as the driver sees it: a read-only byte stream on which reads block until the
/// scanner sends something, and end (0) once the line is closed. The serial port itself (termios) is not
/// simulated; see the README's "not verified" list.
/// </summary>
public sealed class SimulatedSerialLine : Stream
{
    private readonly BlockingCollection<byte[]> _chunks = new();
    private readonly CancellationTokenSource _closed = new();
    private byte[] _current = Array.Empty<byte>();
    private int _offset;

    /// <summary>The scanner sends <paramref name="bytes"/> (one chunk; the driver may see it split or joined).</summary>
    public void Send(byte[] bytes) => _chunks.Add(bytes);

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_offset >= _current.Length)
        {
            try
            {
                _current = _chunks.Take(_closed.Token);
                _offset = 0;
            }
            catch (Exception error) when (error is OperationCanceledException or ObjectDisposedException or InvalidOperationException)
            {
                return 0; // the line was closed
            }
        }

        int n = Math.Min(count, _current.Length - _offset);
        Array.Copy(_current, _offset, buffer, offset, n);
        _offset += n;
        return n;
    }

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && !_closed.IsCancellationRequested)
        {
            _closed.Cancel();
        }

        base.Dispose(disposing);
    }
}
