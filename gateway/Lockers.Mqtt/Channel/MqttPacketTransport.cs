using System.Buffers;
using Lockers.Mqtt.Packets;

namespace Lockers.Mqtt.Channel;

/// <summary>
/// Packets over a byte channel: frames the incoming byte stream into packets with the codec (enforcing the
/// maximum incoming packet size before buffering a body) and serialises concurrent sends so packets never
/// interleave. One reader at a time; any number of senders.
/// </summary>
public sealed class MqttPacketTransport : IAsyncDisposable
{
    private const int MinimumReadSize = 4096;

    private readonly IMqttChannel _channel;
    private readonly int _maxIncomingPacketSize;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ArrayBufferWriter<byte> _sendBuffer = new(256);
    private byte[] _receiveBuffer = new byte[MinimumReadSize];
    private int _receiveStart;
    private int _receiveEnd;

    /// <summary>Wraps a connected <paramref name="channel"/>; the transport owns it from now on.</summary>
    public MqttPacketTransport(IMqttChannel channel, int maxIncomingPacketSize)
    {
        _channel = channel;
        _maxIncomingPacketSize = maxIncomingPacketSize;
    }

    /// <summary>The channel underneath.</summary>
    public IMqttChannel Channel => _channel;

    /// <summary>
    /// Reads the next packet. Returns null when the remote end closed the connection cleanly between packets.
    /// Throws <see cref="MqttProtocolException"/> for malformed or oversized packets, <see cref="EndOfStreamException"/>
    /// when the connection closed in the middle of a packet, and the channel's I/O exceptions.
    /// </summary>
    public async ValueTask<MqttPacket?> ReceiveAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (TryDecodeBuffered(out var packet))
            {
                return packet;
            }

            MakeRoomForRead();
            int read = await _channel.ReadAsync(_receiveBuffer.AsMemory(_receiveEnd), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return _receiveEnd == _receiveStart
                    ? null
                    : throw new EndOfStreamException("The connection closed in the middle of a packet.");
            }

            _receiveEnd += read;
        }
    }

    /// <summary>Encodes and writes one packet. Concurrent callers are serialised.</summary>
    public ValueTask SendAsync(MqttPacket packet, CancellationToken cancellationToken)
        => SendAsync(packet, batch: null, cancellationToken);

    /// <summary>
    /// Encodes <paramref name="packets"/> back to back, in order, and writes them with one write (one system call for
    /// many small packets). All or nothing on encoding: if one cannot be encoded (<see cref="ArgumentException"/>),
    /// nothing is written. Concurrent callers are serialised; no other packet comes between these.
    /// </summary>
    public ValueTask SendAsync(IReadOnlyList<MqttPacket> packets, CancellationToken cancellationToken)
        => SendAsync(packet: null, packets, cancellationToken);

    /// <summary>Closes the connection at once (no DISCONNECT).</summary>
    public void Abort() => _channel.Abort();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _channel.DisposeAsync();

    /// <summary>One packet or a batch (not both): a single send needs no list.</summary>
    private async ValueTask SendAsync(MqttPacket? packet, IReadOnlyList<MqttPacket>? batch, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _sendBuffer.ResetWrittenCount();
            if (packet is not null)
            {
                MqttPacketCodec.Encode(packet, _sendBuffer);
            }
            else
            {
                for (int i = 0; i < batch!.Count; i++)
                {
                    MqttPacketCodec.Encode(batch[i], _sendBuffer);
                }
            }

            await _channel.WriteAsync(_sendBuffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private bool TryDecodeBuffered(out MqttPacket? packet)
    {
        packet = null;
        if (_receiveEnd == _receiveStart)
        {
            return false;
        }

        var sequence = new ReadOnlySequence<byte>(_receiveBuffer, _receiveStart, _receiveEnd - _receiveStart);
        if (!MqttPacketCodec.TryDecode(sequence, _maxIncomingPacketSize, out packet, out var consumed))
        {
            return false;
        }

        _receiveStart += (int)sequence.Slice(0, consumed).Length;
        if (_receiveStart == _receiveEnd)
        {
            _receiveStart = _receiveEnd = 0;
        }

        return true;
    }

    /// <summary>Compacts the buffer and grows it when a partial packet fills it (the codec has already
    /// refused packets over the size limit, so growth is bounded by it).</summary>
    private void MakeRoomForRead()
    {
        if (_receiveStart > 0)
        {
            Buffer.BlockCopy(_receiveBuffer, _receiveStart, _receiveBuffer, 0, _receiveEnd - _receiveStart);
            _receiveEnd -= _receiveStart;
            _receiveStart = 0;
        }

        if (_receiveBuffer.Length - _receiveEnd < MinimumReadSize / 4)
        {
            Array.Resize(ref _receiveBuffer, _receiveBuffer.Length * 2);
        }
    }
}
