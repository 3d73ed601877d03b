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

    /// <summary>True when the locker's provisioned contact interval has been read (see <see cref="Entry.ContactIntervalRead"/>).</summary>
    public bool IsContactIntervalRead(string lockerId)
    {
        if (!_lockers.TryGetValue(lockerId, out var entry))
        {
            return false;
        }

        lock (entry)
        {
            return entry.ContactIntervalRead;
        }
    }

    public IReadOnlyList<LockerHealthSnapshot> All() => LockerIds.Select(Find).OfType<LockerHealthSnapshot>().ToList();

    /// <summary>One locker's mutable record; only touched inside <see cref="Update"/>.</summary>
    public sealed class Entry(string lockerId)
    {
        public bool? ReportedOnline { get; set; }
        public DateTimeOffset? LastContact { get; set; }
        public string? Firmware { get; set; }
        public TelemetrySample? Telemetry { get; set; }

        /// <summary>Figures of the last telemetry message that no board can report (refused or dropped, ADR 0109); empty when none.</summary>
        public IReadOnlyList<string> ImplausibleTelemetry { get; set; } = [];
        public Dictionary<int, string> Doors { get; } = new();
        public List<LockerIncident> Incidents { get; } = new();
        /// <summary>Readers (and "" for the whole locker) held back by the guessing budget, as last read from the store.</summary>
        public Dictionary<string, DateTimeOffset> ThrottledReaders { get; } = new(StringComparer.Ordinal);

        /// <summary>Site and fleet conditions shown at this locker, as last read from the store.</summary>
        public List<HoldNotice> Notices { get; set; } = new();

        /// <summary>Why the locker said it cannot run (its offline status with a fault); null otherwise.</summary>
        public string? Fault { get; set; }

        /// <summary>How often the locker was provisioned to send telemetry; null when unknown (not provisioned here, or not read yet).</summary>
        public TimeSpan? ContactInterval { get; set; }

        /// <summary>False until <see cref="ContactInterval"/> was read from the store (again after each birth message).</summary>
        public bool ContactIntervalRead { get; set; }

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
            lockerId, ReportedOnline, LastContact, Firmware, Telemetry, ImplausibleTelemetry,
            new Dictionary<int, string>(Doors), Incidents.ToList(),
            ThrottledReaders.Select(pair => new ThrottledReader(pair.Key, pair.Value)).ToList(), Notices.ToList())
        {
            ContactInterval = ContactInterval,
            Fault = Fault,
        };
    }
}
