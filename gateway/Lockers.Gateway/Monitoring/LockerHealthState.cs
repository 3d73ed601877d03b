using System.Collections.Concurrent;

namespace Lockers.Gateway.Monitoring;

/// <summary>
/// The live picture of every locker this gateway hears from, in memory. It is rebuilt after a restart from
/// what lockers send anyway: the retained status at once, telemetry within one heartbeat (docs/adr/0300).
/// Thread-safe: each locker's entry is changed under its own lock.
/// </summary>
public sealed class LockerHealthState
{
    private readonly ConcurrentDictionary<string, Entry> _lockers = new(StringComparer.Ordinal);

    public void Update(string lockerId, Action<Entry> change)
    {
        var entry = _lockers.GetOrAdd(lockerId, id => new Entry(id));
        lock (entry)
        {
            change(entry);
        }
    }

    public LockerHealthSnapshot? Find(string lockerId)
    {
        if (!_lockers.TryGetValue(lockerId, out var entry))
        {
            return null;
        }
        lock (entry)
        {
            return entry.ToSnapshot();
        }
    }

    public IReadOnlyList<string> LockerIds => _lockers.Keys.ToList();

    public IReadOnlyList<LockerHealthSnapshot> All() => LockerIds.Select(Find).OfType<LockerHealthSnapshot>().ToList();

    /// <summary>One locker's mutable record; only touched inside <see cref="Update"/>.</summary>
    public sealed class Entry(string lockerId)
    {
        public bool? ReportedOnline { get; set; }
        public DateTimeOffset? LastContact { get; set; }
        public string? Firmware { get; set; }
        public TelemetrySample? Telemetry { get; set; }
        public Dictionary<int, string> Doors { get; } = new();
        public List<LockerIncident> Incidents { get; } = new();
        public Dictionary<string, DateTimeOffset> ThrottledKeypads { get; } = new(StringComparer.Ordinal);

        /// <summary>When the locker's recent births ("online" status) arrived, oldest first; only those inside the takeover window are kept.</summary>
        public List<DateTimeOffset> Births { get; } = new();

        /// <summary>Records a birth and returns how many fell at or after <paramref name="windowStart"/>, this one included.</summary>
        public int AddBirth(DateTimeOffset at, DateTimeOffset windowStart)
        {
            Births.RemoveAll(birth => birth < windowStart);
            Births.Add(at);
            return Births.Count;
        }

        public void Touch(DateTimeOffset at)
        {
            if (LastContact is null || at > LastContact)
            {
                LastContact = at;
            }
        }

        /// <summary>Keeps only incidents younger than <paramref name="keepSince"/>, so the list cannot grow without bound.</summary>
        public void AddIncident(LockerIncident incident, DateTimeOffset keepSince)
        {
            Incidents.RemoveAll(old => old.At < keepSince);
            Incidents.Add(incident);
        }

        internal LockerHealthSnapshot ToSnapshot() => new(
            lockerId, ReportedOnline, LastContact, Firmware, Telemetry,
            new Dictionary<int, string>(Doors), Incidents.ToList(),
            ThrottledKeypads.Select(pair => new ThrottledKeypad(pair.Key, pair.Value)).ToList());
    }
}
