using Lockers.Core.Protocol;

namespace Lockers.Gateway.Monitoring;

/// <summary>
/// One telemetry message as the gateway keeps it. Figures the board cannot measure are null
/// (the protocol leaves them out of the JSON).
/// </summary>
public sealed record TelemetrySample(
    DateTimeOffset At, long UptimeMs, long FreeMemoryBytes, int? SignalDbm, int? SupplyMv, double? TemperatureC,
    string Firmware, int JournalDepth, long DroppedEvents)
{
    public static TelemetrySample From(TelemetryPayload payload, DateTimeOffset at) => new(
        at, payload.UptimeMs, payload.FreeMemoryBytes,
        payload.SignalDbm == TelemetryPayload.Unknown ? null : payload.SignalDbm,
        payload.SupplyMv == TelemetryPayload.Unknown ? null : payload.SupplyMv,
        double.IsNaN(payload.TemperatureC) ? null : payload.TemperatureC,
        payload.Firmware, payload.JournalDepth, payload.DroppedEvents);
}
