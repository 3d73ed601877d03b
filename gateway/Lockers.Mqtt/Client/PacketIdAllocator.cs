namespace Lockers.Mqtt.Client;

/// <summary>
/// Hands out MQTT packet identifiers: non-zero, never one still in use (spec 2.3.1), cycling through
/// 1..65535 so a just-released id is not reused at once (a late duplicate ack cannot hit a new packet).
/// Thread-safe.
/// </summary>
internal sealed class PacketIdAllocator
{
    private readonly HashSet<ushort> _inUse = new();
    private ushort _last;

    /// <summary>Number of ids currently in use.</summary>
    public int InUseCount
    {
        get
        {
            lock (_inUse)
            {
                return _inUse.Count;
            }
        }
    }

    /// <summary>Returns a free id and marks it in use. Throws when all 65,535 are in use.</summary>
    public ushort Allocate()
    {
        lock (_inUse)
        {
            if (_inUse.Count == ushort.MaxValue)
            {
                throw new InvalidOperationException("All 65,535 MQTT packet identifiers are in use.");
            }

            do
            {
                _last = _last == ushort.MaxValue ? (ushort)1 : (ushort)(_last + 1);
            }
            while (!_inUse.Add(_last));

            return _last;
        }
    }

    /// <summary>Frees an id. Freeing an id not in use does nothing.</summary>
    public void Release(ushort id)
    {
        lock (_inUse)
        {
            _inUse.Remove(id);
        }
    }
}
