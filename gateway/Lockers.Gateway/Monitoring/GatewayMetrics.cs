using System.Collections.Concurrent;

namespace Lockers.Gateway.Monitoring;

/// <summary>
/// The gateway's own counters and histograms (process lifetime). Figures that live in the store (lockers online,
/// pickups, open alarms) are read at scrape time instead, so they are right after a restart and across gateways;
/// MQTT traffic is counted by the locker link (LinkCounters).
/// </summary>
public sealed class GatewayMetrics
{
    private readonly ConcurrentDictionary<string, long> _alarmsRaised = new(StringComparer.Ordinal);

    /// <summary>Signed unlock command sent until the door-opened event arrived, seconds.</summary>
    public Histogram UnlockRoundTrip { get; } = new([0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30]);

    /// <summary>One store unit of work, seconds.</summary>
    public Histogram StoreLatency { get; } = new([0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1]);

    public IReadOnlyDictionary<string, long> AlarmsRaised => _alarmsRaised;

    public void CountAlarmRaised(string kind) => _alarmsRaised.AddOrUpdate(kind, 1, (_, count) => count + 1);

    /// <summary>A cumulative Prometheus histogram: fixed upper bounds, a sum and a count, lock-free.</summary>
    public sealed class Histogram(double[] upperBounds)
    {
        private readonly long[] _buckets = new long[upperBounds.Length + 1];
        private long _count;
        private long _sumMicros;

        public IReadOnlyList<double> UpperBounds => upperBounds;

        public void Observe(TimeSpan duration)
        {
            var seconds = Math.Max(0, duration.TotalSeconds);
            var index = 0;
            while (index < upperBounds.Length && seconds > upperBounds[index])
            {
                index++; // the last bucket (+Inf) when above every bound
            }
            Interlocked.Increment(ref _buckets[index]);
            Interlocked.Increment(ref _count);
            Interlocked.Add(ref _sumMicros, (long)(seconds * 1_000_000));
        }

        public long Count => Interlocked.Read(ref _count);

        public double Sum => Interlocked.Read(ref _sumMicros) / 1_000_000.0;

        /// <summary>Observations at or below each bound, then the total (+Inf).</summary>
        public IReadOnlyList<long> CumulativeCounts()
        {
            var result = new long[_buckets.Length];
            long running = 0;
            for (var i = 0; i < _buckets.Length; i++)
            {
                running += Interlocked.Read(ref _buckets[i]);
                result[i] = running;
            }
            return result;
        }
    }
}
