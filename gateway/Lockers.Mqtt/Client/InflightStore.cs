using Lockers.Mqtt.Packets;

namespace Lockers.Mqtt.Client;

/// <summary>
/// QoS 1 publishes written and not yet acknowledged, in the order they were first sent, so that after a
/// reconnect they are resent in that order with DUP=1 and their original packet ids (spec 4.4). Also
/// bounds how many may be in flight. Thread-safe.
/// </summary>
internal sealed class InflightStore
{
    private readonly object _gate = new();
    private readonly LinkedList<Entry> _order = new();
    private readonly Dictionary<ushort, LinkedListNode<Entry>> _byId = new();
    private readonly SemaphoreSlim _slots;
    private readonly PacketIdAllocator _ids;

    public InflightStore(int capacity, PacketIdAllocator ids)
    {
        _slots = new SemaphoreSlim(capacity, capacity);
        _ids = ids;
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _order.Count;
            }
        }
    }

    /// <summary>Waits until fewer than the maximum publishes are in flight and takes the slot.</summary>
    public Task WaitForSlotAsync(CancellationToken cancellationToken) => _slots.WaitAsync(cancellationToken);

    /// <summary>Takes a slot if one is free now, without waiting.</summary>
    public bool TryTakeSlot() => _slots.Wait(0);

    /// <summary>Gives back a slot taken with <see cref="WaitForSlotAsync"/> but not used by <see cref="Add"/>.</summary>
    public void ReturnSlot() => _slots.Release();

    /// <summary>Records a publish about to be written. Its slot must have been taken.</summary>
    public void Add(PublishPacket packet, TaskCompletionSource completion)
    {
        lock (_gate)
        {
            _byId.Add(packet.PacketId, _order.AddLast(new Entry(packet, completion)));
        }
    }

    /// <summary>Handles a PUBACK: completes the publish, frees its id and slot. False for an unknown id.</summary>
    public bool TryAcknowledge(ushort packetId)
    {
        Entry entry;
        lock (_gate)
        {
            if (!_byId.Remove(packetId, out var node))
            {
                return false;
            }

            _order.Remove(node);
            entry = node.Value;
        }

        _ids.Release(packetId);
        _slots.Release();
        entry.Completion.TrySetResult();
        return true;
    }

    /// <summary>The unacknowledged publishes in first-sent order, marked DUP for resending.</summary>
    public IReadOnlyList<PublishPacket> SnapshotForResend()
    {
        lock (_gate)
        {
            return _order.Select(entry => entry.Packet with { Dup = true }).ToList();
        }
    }

    /// <summary>Fails every pending publish (the application stopped the client) and frees ids and slots.</summary>
    public void FailAll(Exception error)
    {
        List<Entry> entries;
        lock (_gate)
        {
            entries = _order.ToList();
            _order.Clear();
            _byId.Clear();
        }

        foreach (var entry in entries)
        {
            _ids.Release(entry.Packet.PacketId);
            _slots.Release();
            entry.Completion.TrySetException(error);
        }
    }

    private sealed record Entry(PublishPacket Packet, TaskCompletionSource Completion);
}
