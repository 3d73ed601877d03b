using System.Globalization;
using Lockers.Core.Protocol;

namespace Lockers.Gateway.Monitoring;

/// <summary>
/// Ranges no working or broken board reports outside of (ADR 0109): a value outside is a lie or corruption, and is never
/// stored raw. A figure the schema may leave empty (signal, supply, temperature) is dropped from the sample; a figure it
/// may not (uptime, free memory, journal, dropped events, firmware) refuses the whole sample. Either way the locker still
/// counts as heard from, and locker health raises sensor_fault naming the figure. The ranges include the values broken
/// sensors do give (0 mV, -127 °C), which the alarm rules report as faults of their own.
/// </summary>
public static class TelemetryPlausibility
{
    public const long MaxUptimeMs = 20L * 365 * 24 * 3600 * 1000; // 20 years
    public const long MaxFreeMemoryBytes = 1L << 40;                // 1 TiB
    public const int MinSignalDbm = -150, MaxSignalDbm = 0;
    public const int MaxSupplyMv = 60_000;
    public const double MinTemperatureC = -128, MaxTemperatureC = 150;
    public const int MaxJournalDepth = 1_000_000;
    public const long MaxDroppedEvents = 1_000_000_000_000;

    /// <summary>The sample to keep (null: refused) and what was implausible, in words.</summary>
    public sealed record Result(TelemetrySample? Sample, IReadOnlyList<string> Problems);

    public static Result Check(TelemetryPayload payload, DateTimeOffset at)
    {
        var sample = TelemetrySample.From(payload, at);
        var problems = new List<string>();
        var refused = false;

        void Required(bool plausible, string text)
        {
            if (!plausible)
            {
                problems.Add(text);
                refused = true;
            }
        }

        Required(sample.UptimeMs is >= 0 and <= MaxUptimeMs, $"uptime {sample.UptimeMs} ms (0..{MaxUptimeMs})");
        Required(sample.FreeMemoryBytes is >= 0 and <= MaxFreeMemoryBytes, $"free memory {sample.FreeMemoryBytes} bytes (0..{MaxFreeMemoryBytes})");
        Required(sample.JournalDepth is >= 0 and <= MaxJournalDepth, $"journal depth {sample.JournalDepth} (0..{MaxJournalDepth})");
        Required(sample.DroppedEvents is >= 0 and <= MaxDroppedEvents, $"dropped events {sample.DroppedEvents} (0..{MaxDroppedEvents})");

        if (sample.SignalDbm is { } dbm && dbm is < MinSignalDbm or > MaxSignalDbm)
        {
            problems.Add($"signal {dbm} dBm ({MinSignalDbm}..{MaxSignalDbm}), not stored");
            sample = sample with { SignalDbm = null };
        }
        if (sample.SupplyMv is { } mv && mv is < 0 or > MaxSupplyMv)
        {
            problems.Add($"supply {mv} mV (0..{MaxSupplyMv}), not stored");
            sample = sample with { SupplyMv = null };
        }
        if (sample.TemperatureC is { } celsius && (celsius < MinTemperatureC || celsius > MaxTemperatureC))
        {
            problems.Add($"temperature {celsius.ToString("G4", CultureInfo.InvariantCulture)} °C ({MinTemperatureC}..{MaxTemperatureC}), not stored");
            sample = sample with { TemperatureC = null };
        }
        if (refused)
        {
            problems[0] = "telemetry refused, not stored: " + problems[0];
        }
        return new Result(refused ? null : sample, problems);
    }
}
