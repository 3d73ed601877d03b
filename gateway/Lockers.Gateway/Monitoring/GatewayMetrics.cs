using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Lockers.Gateway.Monitoring;

/// <summary>
/// What this gateway measures as it works (process lifetime), as instruments of the "Lockers.Gateway" meter, exported
/// on /metrics by OpenTelemetry (ADR 0015). Figures that live in the store or the link are read at scrape time instead
/// (<see cref="ScrapeTimeMetrics"/>). Instrument names are the Prometheus names the gateway has always exported.
/// </summary>
public sealed class GatewayMetrics
{
    /// <summary>The meter of every gateway instrument on /metrics.</summary>
    public const string MeterName = "Lockers.Gateway";

    private static readonly double[] UnlockBounds = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30];
    private static readonly double[] StoreBounds = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];

    // Counted here rather than with a Counter<long>: an observable counter reports every kind, 0 included, from the
    // first scrape on (a counter's series would only appear with its first alarm, and rate() needs the 0 before it).
    private readonly ConcurrentDictionary<string, long> _alarmsRaised = new(StringComparer.Ordinal);
    private readonly Histogram<double> _unlockRoundTrip;
    private readonly Histogram<double> _storeLatency;

    public GatewayMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableCounter("lockers_alarms_raised_total", AlarmsRaised,
            description: "Alarms raised by this gateway since it started, by kind.");
        _unlockRoundTrip = meter.CreateHistogram("lockers_unlock_round_trip_seconds", unit: "s",
            description: "Signed unlock sent until the door reported opened.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = UnlockBounds });
        _storeLatency = meter.CreateHistogram("lockers_store_seconds", unit: "s",
            description: "Duration of one store unit of work.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = StoreBounds });
    }

    public void CountAlarmRaised(string kind) => _alarmsRaised.AddOrUpdate(kind, 1, (_, count) => count + 1);

    /// <summary>Signed unlock command sent until the door-opened event arrived.</summary>
    public void ObserveUnlockRoundTrip(TimeSpan latency) => _unlockRoundTrip.Record(Seconds(latency));

    /// <summary>One store unit of work.</summary>
    public void ObserveStoreUnit(TimeSpan duration) => _storeLatency.Record(Seconds(duration));

    private IEnumerable<Measurement<long>> AlarmsRaised() =>
        AlarmKinds.All.Union(_alarmsRaised.Keys).Select(kind =>
            new Measurement<long>(_alarmsRaised.GetValueOrDefault(kind), new KeyValuePair<string, object?>("kind", kind)));

    private static double Seconds(TimeSpan duration) => Math.Max(0, duration.TotalSeconds);
}
