using Lockers.Mqtt.Packets;

namespace Lockers.Mqtt.Client;

public sealed partial class MqttClient
{
    /// <summary>
    /// About how many bytes (payloads and topics) one coalesced write may carry. A publish larger than this is written
    /// alone; smaller ones share writes up to this size, so the transport's send buffer stays bounded.
    /// </summary>
    internal const int CoalescedWriteLimit = 64 * 1024;

    /// <summary>
    /// Writes queued publishes while this connection lives, within the in-flight limit. Each turn takes the oldest
    /// publish plus whatever else is already queued and has an in-flight slot, and writes them with one write: under
    /// load one system call and one wake-up carry many messages; a publish that arrives alone is written alone, at once.
    /// </summary>
    private async Task SendLoopAsync(MqttConnection connection, CancellationToken runToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(runToken, connection.ClosingToken);
        var token = linked.Token;
        var batch = new List<OutgoingPublish>();
        var packets = new List<MqttPacket>();
        try
        {
            while (await _outgoing.WaitToReadAsync(token).ConfigureAwait(false))
            {
                // Take the in-flight slot before dequeuing, so a message is never taken out and then stranded.
                await _inflight.WaitForSlotAsync(token).ConfigureAwait(false);
                if (!_outgoing.TryDequeue(out var first))
                {
                    _inflight.ReturnSlot();
                    continue;
                }

                batch.Add(first);
                TakeQueuedWithSlots(batch, EstimatedSize(first.Packet));
                bool sent = await SendBatchAsync(connection, batch, packets).ConfigureAwait(false);
                batch.Clear();
                packets.Clear();
                if (!sent)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>
    /// Adds to <paramref name="batch"/>, in queue order, the publishes queued now that get an in-flight slot at once,
    /// while the batch stays within <see cref="CoalescedWriteLimit"/>. Never waits.
    /// </summary>
    private void TakeQueuedWithSlots(List<OutgoingPublish> batch, int size)
    {
        while (_outgoing.TryPeek(out var next)
            && size + EstimatedSize(next.Packet) <= CoalescedWriteLimit
            && _inflight.TryTakeSlot())
        {
            if (!_outgoing.TryDequeue(out next))
            {
                _inflight.ReturnSlot(); // the queue was failed meanwhile (the client is stopping)
                return;
            }

            batch.Add(next);
            size += EstimatedSize(next.Packet);
        }
    }

    /// <summary>
    /// Writes a batch whose in-flight slots are taken, with one write; false when the connection failed. A failed write
    /// counts for every publish of the batch, as it would for one: QoS 1 stays in flight (resent after the reconnect),
    /// QoS 0 fails.
    /// </summary>
    private async Task<bool> SendBatchAsync(MqttConnection connection, List<OutgoingPublish> batch, List<MqttPacket> packets)
    {
        foreach (var item in batch)
        {
            if (item.Packet.Qos == MqttQos.AtMostOnce)
            {
                _inflight.ReturnSlot();
                packets.Add(item.Packet);
            }
            else
            {
                // QoS 1 is recorded before the write: if the write fails it is resent after the reconnect.
                var packet = item.Packet with { PacketId = _packetIds.Allocate() };
                _inflight.Add(packet, item.Completion);
                packets.Add(packet);
            }
        }

        Exception? failure = null;
        try
        {
            await connection.SendAsync(packets, CancellationToken.None).ConfigureAwait(false);
        }
        catch (MqttClientNotConnectedException error)
        {
            failure = error;
        }

        // At most once: a QoS 0 message caught in a failing write is reported lost, not retried.
        foreach (var item in batch)
        {
            if (item.Packet.Qos != MqttQos.AtMostOnce)
            {
                continue;
            }

            if (failure is null)
            {
                item.Completion.TrySetResult();
            }
            else
            {
                item.Completion.TrySetException(failure);
            }
        }

        return failure is null;
    }

    /// <summary>The unacknowledged publishes to resend, in order, cut into writes within <see cref="CoalescedWriteLimit"/>.</summary>
    private static IEnumerable<List<MqttPacket>> InCoalescedWrites(IReadOnlyList<PublishPacket> publishes)
    {
        var write = new List<MqttPacket>();
        int size = 0;
        foreach (var publish in publishes)
        {
            int publishSize = EstimatedSize(publish);
            if (write.Count > 0 && size + publishSize > CoalescedWriteLimit)
            {
                yield return write;
                write = new List<MqttPacket>();
                size = 0;
            }

            write.Add(publish);
            size += publishSize;
        }

        if (write.Count > 0)
        {
            yield return write;
        }
    }

    /// <summary>The encoded size or a little more (for ASCII topics), without encoding: it only bounds a batch.</summary>
    private static int EstimatedSize(PublishPacket packet) => packet.Payload.Length + packet.Topic.Length + 9;
}
