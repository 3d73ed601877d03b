using System.Buffers;
using System.Threading.Channels;
using Lockers.Mqtt.Channel;
using Lockers.Mqtt.Packets;

namespace Lockers.Mqtt.Tests.Client;

/// <summary>
/// One client connection to a <see cref="FakeBroker"/>: decodes what the client writes (see <see cref="NextPacketAsync"/>),
/// answers CONNECT, PINGREQ, SUBSCRIBE, UNSUBSCRIBE and QoS 1 PUBLISH as the broker's settings say, and lets the
/// test send packets or drop the connection.
/// </summary>
internal sealed class FakeBrokerConnection : IMqttChannel
{
    private readonly FakeBroker _broker;
    private readonly Channel<byte[]> _toClient = System.Threading.Channels.Channel.CreateUnbounded<byte[]>();
    private readonly Channel<MqttPacket> _fromClient = System.Threading.Channels.Channel.CreateUnbounded<MqttPacket>();
    private readonly List<byte> _incoming = new();
    private readonly List<IReadOnlyList<MqttPacket>> _writes = new();
    private ReadOnlyMemory<byte> _current;
    private volatile bool _clientWaiting;
    private volatile bool _closed;

    public FakeBrokerConnection(FakeBroker broker) => _broker = broker;

    public string Endpoint => "fake://broker";

    /// <summary>True when the client has processed everything sent to it and waits for more.</summary>
    public bool IsClientIdle => _clientWaiting && _current.IsEmpty && _toClient.Reader.Count == 0;

    public Task ConnectAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        if (_current.IsEmpty)
        {
            _clientWaiting = true;
            try
            {
                if (!await _toClient.Reader.WaitToReadAsync(cancellationToken) || !_toClient.Reader.TryRead(out var next))
                {
                    return 0;
                }

                _current = next;
            }
            finally
            {
                _clientWaiting = false;
            }
        }

        int count = Math.Min(buffer.Length, _current.Length);
        _current[..count].CopyTo(buffer);
        _current = _current[count..];
        return count;
    }

    public ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        if (_closed)
        {
            throw new IOException("The fake connection is closed.");
        }

        lock (_incoming)
        {
            int? breakAfter = TakeBreak(data);
            _incoming.AddRange(data[..Math.Min(data.Length, breakAfter ?? data.Length)].ToArray());
            var completed = new List<MqttPacket>();
            while (true)
            {
                var buffered = new ReadOnlySequence<byte>(_incoming.ToArray());
                if (!MqttPacketCodec.TryDecode(buffered, int.MaxValue, out var packet, out var consumed))
                {
                    break;
                }

                _incoming.RemoveRange(0, (int)buffered.Slice(0, consumed).Length);
                completed.Add(packet!);
                _fromClient.Writer.TryWrite(packet!);
                Answer(packet!);
            }

            _writes.Add(completed);
            if (breakAfter is not null)
            {
                Abort();
                throw new IOException("The fake connection broke in the middle of a write.");
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>The packets completed by each write of the client, in order (a write of a whole batch shows as one entry).</summary>
    public List<IReadOnlyList<MqttPacket>> Writes
    {
        get
        {
            lock (_incoming)
            {
                return _writes.ToList();
            }
        }
    }

    /// <summary>Sends a packet to the client.</summary>
    public void Send(MqttPacket packet)
    {
        var buffer = new ArrayBufferWriter<byte>();
        MqttPacketCodec.Encode(packet, buffer);
        _toClient.Writer.TryWrite(buffer.WrittenMemory.ToArray());
    }

    /// <summary>The broker closes the connection (the client reads end of stream).</summary>
    public void Drop()
    {
        _closed = true;
        _toClient.Writer.TryComplete();
    }

    /// <summary>The next packet the client wrote.</summary>
    public async Task<MqttPacket> NextPacketAsync(TimeSpan? timeout = null)
        => await _fromClient.Reader.ReadAsync().AsTask().WaitAsync(timeout ?? TimeSpan.FromSeconds(10));

    /// <summary>The next packet of type <typeparamref name="T"/> the client wrote, skipping others.</summary>
    public async Task<T> NextPacketAsync<T>(TimeSpan? timeout = null) where T : MqttPacket
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            if (await _fromClient.Reader.ReadAsync(deadline.Token) is T wanted)
            {
                return wanted;
            }
        }
    }

    /// <summary>Packets the client wrote that no test has taken yet.</summary>
    public List<MqttPacket> TakeWritten()
    {
        var packets = new List<MqttPacket>();
        while (_fromClient.Reader.TryRead(out var packet))
        {
            packets.Add(packet);
        }

        return packets;
    }

    public void Abort()
    {
        _closed = true;
        _toClient.Writer.TryComplete(new IOException("The connection was aborted."));
    }

    public ValueTask DisposeAsync()
    {
        Abort();
        return ValueTask.CompletedTask;
    }

    /// <summary>The broker's one-shot <see cref="FakeBroker.BreakNextPublishWriteAfterBytes"/>, if this write starts with a PUBLISH.</summary>
    private int? TakeBreak(ReadOnlyMemory<byte> data)
    {
        lock (_broker)
        {
            int? breakAfter = _broker.BreakNextPublishWriteAfterBytes;
            if (breakAfter is null || data.IsEmpty || data.Span[0] >> 4 != (int)MqttPacketType.Publish)
            {
                return null;
            }

            _broker.BreakNextPublishWriteAfterBytes = null;
            return breakAfter;
        }
    }

    private void Answer(MqttPacket packet)
    {
        switch (packet)
        {
            case ConnectPacket connect when _broker.AnswerConnects:
                Send(_broker.AnswerConnect(connect));
                break;
            case PingReqPacket when _broker.AnswerPings:
                Send(PingRespPacket.Instance);
                break;
            case SubscribePacket subscribe:
                Send(new SubAckPacket(subscribe.PacketId, subscribe.Subscriptions.Select(s => (byte)s.Qos).ToList()));
                break;
            case UnsubscribePacket unsubscribe:
                Send(new UnsubAckPacket(unsubscribe.PacketId));
                break;
            case PublishPacket { Qos: MqttQos.AtLeastOnce } publish when _broker.AcknowledgePublishes:
                Send(new PubAckPacket(publish.PacketId));
                break;
        }
    }
}
