using Lockers.Gateway.Monitoring;

namespace Lockers.Gateway.Tests.Monitoring;

/// <summary>Builds <see cref="LockerHealthSnapshot"/> values for rule tests: a healthy locker heard from at <see cref="Start"/>.</summary>
internal static class HealthSnapshots
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static LockerHealthSnapshot Healthy(string lockerId = "a-1") => new(
        lockerId, ReportedOnline: true, LastContact: Start, Firmware: "0.1.0", Telemetry: Telemetry(), ImplausibleTelemetry: [],
        Doors: new Dictionary<int, string>(), Incidents: [], ThrottledReaders: [], Notices: []);

    public static TelemetrySample Telemetry(int? supplyMv = 12_000, double? temperatureC = 21.5) =>
        new(Start, 3_600_000, 80_000, -60, supplyMv, temperatureC, "0.1.0", 0, 0);

    /// <summary>The locker kept talking: its last contact is <paramref name="after"/> past <see cref="Start"/>.</summary>
    public static LockerHealthSnapshot HeardAt(this LockerHealthSnapshot snapshot, TimeSpan after) =>
        snapshot with { LastContact = Start + after };

    public static LockerHealthSnapshot WithDoor(this LockerHealthSnapshot snapshot, int compartment, string state) =>
        snapshot with { Doors = new Dictionary<int, string>(snapshot.Doors) { [compartment] = state } };
}
