namespace Lockers.Gateway.Store;

/// <summary>An outage of the store: since when (store time), why (the last failure's message), how many failures.</summary>
public sealed record StoreOutage(DateTimeOffset Since, string Reason, long Failures);

/// <summary>
/// Whether the store can take writes, as the store itself last found out (ADR 0208): a write unit or a group commit that
/// failed because the store was unavailable (read-only, full, unreachable, locked beyond its busy timeout) starts an
/// outage; the next write that commits ends it. Reads never end one (a read-only store still reads). /health reports it,
/// the locker link holds messages while it lasts, and Monitoring/StoreOutageAlarm raises and clears its alarm.
/// </summary>
public sealed class StoreAvailability(TimeProvider time)
{
    private readonly object _gate = new();
    private StoreOutage? _outage;

    /// <summary>The outage going on, or null while the store takes writes.</summary>
    public StoreOutage? Outage
    {
        get { lock (_gate) return _outage; }
    }

    /// <summary>Raised, outside any lock, when an outage starts (<c>ended</c> null) or ends (<c>ended</c> its end).</summary>
    public event Action<StoreOutage, DateTimeOffset?>? Changed;

    public void ReportFailure(Exception failure)
    {
        StoreOutage started;
        lock (_gate)
        {
            if (_outage is { } going)
            {
                _outage = going with { Reason = failure.Message, Failures = going.Failures + 1 };
                return;
            }

            started = _outage = new StoreOutage(time.GetStoreNow(), failure.Message, 1);
        }

        Changed?.Invoke(started, null);
    }

    public void ReportWritten()
    {
        StoreOutage ended;
        lock (_gate)
        {
            if (_outage is not { } going)
            {
                return;
            }

            ended = going;
            _outage = null;
        }

        Changed?.Invoke(ended, time.GetStoreNow());
    }
}
