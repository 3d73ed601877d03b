using System.Collections.Concurrent;

namespace Lockers.Gateway.Monitoring;

/// <summary>
/// Measures unlock round trips: from the moment a signed unlock is sent until the locker reports the door
/// opened. An unlock that never opens (jam, lost command) is forgotten after <see cref="GiveUpAfter"/>.
/// </summary>
public sealed class UnlockStopwatch(GatewayMetrics metrics)
{
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<(string LockerId, int Compartment), DateTimeOffset> _sent = new();

    public void Started(string lockerId, int compartment, DateTimeOffset at) => _sent[(lockerId, compartment)] = at;

    /// <summary>The door opened: observes the latency when an unlock for it was pending. Returns the latency, if any.</summary>
    public TimeSpan? Opened(string lockerId, int compartment, DateTimeOffset at)
    {
        if (!_sent.TryRemove((lockerId, compartment), out var sentAt) || at - sentAt > GiveUpAfter || at < sentAt)
        {
            return null;
        }
        var latency = at - sentAt;
        metrics.ObserveUnlockRoundTrip(latency);
        return latency;
    }
}
