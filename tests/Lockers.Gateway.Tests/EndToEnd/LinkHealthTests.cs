using Lockers.Core.Protocol;
using Lockers.Gateway.Monitoring;
using Lockers.Gateway.Store;
using Lockers.Testing;

namespace Lockers.Gateway.Tests.EndToEnd;

/// <summary>What arrives over the locker link reaches health monitoring: door states, alarms, the PIN throttle, telemetry.</summary>
public sealed class LinkHealthTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task ForcedDoor_OverMqtt_RaisesTheDoorForcedAlarm_AndShowsInTheLockersState()
    {
        await using var system = await LinkedGateway.StartAsync();
        var locker = await system.ProvisionAndConnectAsync("test-a");

        await locker.DoorAsync(2, DoorStates.Forced);

        var alarm = await WaitForOpenAlarmAsync(system, "test-a", AlarmKinds.DoorForced);
        Assert.Equal(2, alarm.Compartment);
        Assert.Equal(AlarmSeverity.Critical, alarm.Severity);
        var health = system.Gateway.Factory.Service<LockerHealthState>();
        Assert.Equal(DoorStates.Forced, health.Find("test-a")!.Doors[2]);
    }

    [Fact]
    public async Task Telemetry_OverMqtt_IsStoredForTheChart()
    {
        await using var system = await LinkedGateway.StartAsync();
        var locker = await system.ProvisionAndConnectAsync("test-a");
        var telemetry = new TelemetryPayload { UptimeMs = 5000, FreeMemoryBytes = 61_000, SignalDbm = -60, SupplyMv = 12_100, TemperatureC = 21.5, Firmware = "0.1.0-test" };

        await locker.Client.PublishAsync(Topics.Telemetry("test-a"), telemetry.ToJson(), Lockers.Mqtt.Packets.MqttQos.AtMostOnce);

        var store = system.Gateway.Factory.Service<ILockerStore>();
        await Wait.UntilAsync(async () => (await store.ExecuteAsync(tx => tx.Monitoring.ListTelemetryAsync("test-a", 10))).Count > 0,
            Timeout, "the telemetry sample to be stored");
        var sample = (await store.ExecuteAsync(tx => tx.Monitoring.ListTelemetryAsync("test-a", 10)))[0];
        Assert.Equal(12_100, sample.SupplyMv);
    }

    [Fact]
    public async Task WrongPins_UntilTheThrottleHolds_RaiseThePinThrottleAlarm()
    {
        await using var system = await LinkedGateway.StartAsync();
        var locker = await system.ProvisionAndConnectAsync("test-a");

        // The default delays let three failures through at once; the fourth engages the throttle and the fifth is held.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await locker.EnterCodeAsync("000000");
            Assert.Equal(CommandActions.Deny, (await locker.NextCommandAsync()).Command!.Action);
        }

        var alarm = await WaitForOpenAlarmAsync(system, "test-a", AlarmKinds.PinThrottle);
        Assert.Contains(locker.Config.KeypadId, alarm.Detail, StringComparison.Ordinal);
    }

    private static async Task<MonitoredAlarm> WaitForOpenAlarmAsync(LinkedGateway system, string lockerId, string kind)
    {
        var store = system.Gateway.Factory.Service<ILockerStore>();
        MonitoredAlarm? found = null;
        await Wait.UntilAsync(async () =>
        {
            var open = await store.ExecuteAsync(tx => tx.Monitoring.ListOpenAlarmsAsync(lockerId));
            found = open.FirstOrDefault(alarm => alarm.Kind == kind);
            return found is not null;
        }, Timeout, $"an open {kind} alarm on {lockerId}");
        return found!;
    }
}
