using Lockers.Core.Protocol;
using Lockers.Gateway.Monitoring;

namespace Lockers.Gateway.Tests.Monitoring;

/// <summary>Issue 13, finding 10: absurd telemetry was stored as sent. Now it is never stored raw (ADR 0109).</summary>
public sealed class TelemetryPlausibilityTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static TelemetryPayload Sane() => new()
    {
        UptimeMs = 60_000, FreeMemoryBytes = 80_000, SignalDbm = -60, SupplyMv = 12_000, TemperatureC = 21.5, Firmware = "0.1.0",
    };

    [Fact]
    public void SaneFigures_AreKeptAsTheyAre()
    {
        var result = TelemetryPlausibility.Check(Sane(), At);

        Assert.Empty(result.Problems);
        Assert.Equal(TelemetrySample.From(Sane(), At), result.Sample);
    }

    [Fact]
    public void BrokenSensorsOwnValues_AreStillPlausible_SoTheFaultRulesSeeThem()
    {
        var payload = Sane();
        payload.SupplyMv = 0;
        payload.TemperatureC = -127;

        Assert.Empty(TelemetryPlausibility.Check(payload, At).Problems);
    }

    [Fact]
    public void Finding10_ImpossibleOptionalFigures_AreDroppedFromTheSample_AndNamed()
    {
        var payload = Sane();
        payload.SupplyMv = int.MaxValue;
        payload.TemperatureC = 1e300;
        payload.SignalDbm = 40;

        var result = TelemetryPlausibility.Check(payload, At);

        Assert.Equal((null, null, null), (result.Sample!.SupplyMv, result.Sample.TemperatureC, result.Sample.SignalDbm));
        Assert.Equal(3, result.Problems.Count);
        Assert.All(result.Problems, problem => Assert.Contains("not stored", problem));
    }

    [Fact]
    public void Finding10_ImpossibleRequiredFigure_RefusesTheSample()
    {
        var payload = Sane();
        payload.FreeMemoryBytes = long.MaxValue;

        var result = TelemetryPlausibility.Check(payload, At);

        Assert.Null(result.Sample);
        Assert.StartsWith("telemetry refused, not stored: free memory", Assert.Single(result.Problems));
    }

    [Fact]
    public async Task Finding10_HealthStoresNoAbsurdValue_AndRaisesSensorFault()
    {
        await using var gateway = await MonitoringGateway.StartAsync();
        await gateway.BringOnlineAsync();
        var payload = Sane();
        payload.TemperatureC = 9999;

        await gateway.Health.OnTelemetryAsync("test-a", payload, gateway.Time.GetUtcNow());

        var (samples, alarms) = await gateway.Service<Gateway.Store.ILockerStore>().ExecuteAsync(async tx =>
            (await tx.Monitoring.ListTelemetryAsync("test-a", 10), await tx.Monitoring.ListAlarmsAsync("test-a", true, 10)));
        Assert.DoesNotContain(samples, sample => sample.TemperatureC is > 150);
        var fault = Assert.Single(alarms, alarm => alarm.Kind == AlarmKinds.SensorFault);
        Assert.Contains("temperature 9999", fault.Detail);
    }
}
