namespace Lockers.Mqtt.Client;

/// <summary>
/// Puts PUBACKs back into the order their PUBLISHes arrived in (MQTT 3.1.1, 4.6), however the application
/// acknowledges them: each received QoS 1 PUBLISH is registered on arrival and gets a delivery number;
/// acknowledging a delivery releases its packet id only once every earlier delivery is acknowledged too.
/// One instance per connection (packet ids mean nothing on another connection). Pure and not thread-safe:
/// the caller locks.
/// </summary>
internal sealed class AcknowledgementSequencer
{
    private readonly Dictionary<long, ushort> _packetIds = new();
    private readonly HashSet<long> _acknowledged = new();
    private long _head;
    private long _next;

    /// <summary>Deliveries registered and not yet released (acknowledged or waiting for an earlier one).</summary>
    public int Count => _packetIds.Count;

    /// <summary>Records a received QoS 1 PUBLISH; returns its delivery number (0, 1, 2, ... in arrival order).</summary>
    public long Register(ushort packetId)
    {
        _packetIds.Add(_next, packetId);
        return _next++;
    }

    /// <summary>
    /// Acknowledges a delivery and returns the packet ids to PUBACK now, in order: none while an earlier
    /// delivery is unacknowledged, else this one and every later one already acknowledged. A delivery that is
    /// unknown or already acknowledged releases nothing.
    /// </summary>
    public IReadOnlyList<ushort> Acknowledge(long delivery)
    {
        if (delivery < _head || delivery >= _next || !_acknowledged.Add(delivery))
        {
            return Array.Empty<ushort>();
        }

        if (delivery != _head)
        {
            return Array.Empty<ushort>();
        }

        var released = new List<ushort>();
        while (_acknowledged.Remove(_head))
        {
            released.Add(_packetIds[_head]);
            _packetIds.Remove(_head);
            _head++;
        }

        return released;
    }
}
