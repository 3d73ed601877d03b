using Lockers.Core.Protocol;
using Lockers.Gateway.Audit;
using Lockers.Gateway.Monitoring;
using Lockers.Gateway.Store;

namespace Lockers.Gateway.Tests.Monitoring;

/// <summary>The alarm lifecycle through the real store: raised, seen again, acknowledged, cleared; audited.</summary>
public sealed class LockerHealthServiceTests
{
    private static Task<IReadOnlyList<MonitoredAlarm>> AlarmsAsync(MonitoringGateway gateway, bool openOnly = false) =>
        gateway.Service<ILockerStore>().ExecuteAsync(tx => tx.Monitoring.ListAlarmsAsync("test-a", openOnly, 100));

    private static async Task<IReadOnlyList<string>> AuditActionsAsync(MonitoringGateway gateway) =>
        (await gateway.Service<ILockerStore>().ExecuteAsync(tx => tx.Monitoring.ListAuditAsync("test-a", 100)))
            .Select(entry => entry.Action).ToList();

    [Fact]
    public async Task ForcedDoor_RaisedAcknowledgedThenClosed_WalksTheWholeLifecycle()
    {
        await using var gateway = await MonitoringGateway.StartAsync();
        await gateway.BringOnlineAsync();
        var raisedAt = gateway.Time.GetUtcNow();

        await gateway.Health.OnDoorEventAsync("test-a", 3, DoorStates.Forced, raisedAt);
        var raised = Assert.Single(await AlarmsAsync(gateway));
        Assert.Equal((AlarmKinds.DoorForced, 3, AlarmSeverity.Critical, "raised", raisedAt),
            (raised.Kind, raised.Compartment, raised.Severity, raised.State, raised.FirstSeen));
        Assert.Equal("test-site", raised.SiteId);

        gateway.Time.Advance(TimeSpan.FromMinutes(2));
        var acknowledged = await gateway.Service<AlarmLifecycle>().AcknowledgeAsync(raised.Id, "alice");
        Assert.Equal(("acknowledged", "alice"), (acknowledged!.State, acknowledged.AcknowledgedBy));
        Assert.Null(await gateway.Service<AlarmLifecycle>().AcknowledgeAsync(raised.Id, "bob"));

        gateway.Time.Advance(TimeSpan.FromMinutes(2));
        await gateway.Health.OnDoorEventAsync("test-a", 3, DoorStates.Closed, gateway.Time.GetUtcNow());
        var cleared = Assert.Single(await AlarmsAsync(gateway));
        Assert.Equal(("cleared", gateway.Time.GetUtcNow(), "alice"), (cleared.State, cleared.ClearedAt, cleared.AcknowledgedBy));
        Assert.Equal(
            [AuditActions.AlarmCleared, AuditActions.AlarmAcknowledged, AuditActions.AlarmRaised],
            (await AuditActionsAsync(gateway)).Where(action => action.StartsWith("alarm.")).ToList());
    }

    [Fact]
    public async Task ForcedThenClosed_WaitsForAcknowledgement_ThenClears_AndForcedAgainRaisesANewAlarm()
    {
        await using var gateway = await MonitoringGateway.StartAsync();
        await gateway.BringOnlineAsync();
        foreach (var state in new[] { DoorStates.Forced, DoorStates.Closed })
        {
            await gateway.Health.OnDoorEventAsync("test-a", 1, state, gateway.Time.GetUtcNow());
        }
        // Closed again, but nobody has looked: a possible break-in stays on the board (ADR 0306).
        var waiting = Assert.Single(await AlarmsAsync(gateway, openOnly: true));
        Assert.Equal(("condition_ended", AlarmKinds.DoorForced), (waiting.State, waiting.Kind));

        await gateway.Service<AlarmLifecycle>().AcknowledgeAsync(waiting.Id, "mia");
        await gateway.Health.OnDoorEventAsync("test-a", 1, DoorStates.Forced, gateway.Time.GetUtcNow());

        var alarms = await AlarmsAsync(gateway);
        Assert.Equal(["raised", "cleared"], alarms.Select(a => a.State).ToList());
    }

    [Fact]
    public async Task ForcedDoorLeftOpen_TheForcedAlarmStaysUnacknowledged_AndTheLeftOpenAlarmFollowsIt()
    {
        await using var gateway = await MonitoringGateway.StartAsync();
        await gateway.BringOnlineAsync();
        await gateway.Health.OnDoorEventAsync("test-a", 2, DoorStates.Forced, gateway.Time.GetUtcNow());
        gateway.Time.Advance(TimeSpan.FromMinutes(2));

        await gateway.Health.OnDoorEventAsync("test-a", 2, DoorStates.LeftOpen, gateway.Time.GetUtcNow());

        var open = await AlarmsAsync(gateway, openOnly: true);
        var forced = Assert.Single(open, a => a.Kind == AlarmKinds.DoorForced);
        var leftOpen = Assert.Single(open, a => a.Kind == AlarmKinds.DoorLeftOpen);
        Assert.Equal(("condition_ended", (string?)null), (forced.State, forced.AcknowledgedBy));
        Assert.Equal(forced.Id, leftOpen.FollowsAlarmId);
    }

    [Fact]
    public async Task MissedHeartbeats_MarkLockerOfflineInRegistry_UntilTelemetryReturns()
    {
        await using var gateway = await MonitoringGateway.StartAsync();
        await gateway.BringOnlineAsync();

        // test-a is not provisioned: the default interval (the firmware's 300 s telemetry) times three.
        gateway.Time.Advance(TimeSpan.FromSeconds(3 * Lockers.Core.Config.DeviceConfig.DefaultTelemetryS + 1));
        await gateway.Health.EvaluateAllAsync();
        var offline = Assert.Single(await AlarmsAsync(gateway, openOnly: true));
        Assert.Equal(AlarmKinds.LockerOffline, offline.Kind);
        var locker = await gateway.Service<ILockerStore>().ExecuteAsync(tx => tx.Registry.GetLockerAsync("test-a"));
        Assert.False(locker!.Online);

        await gateway.Health.OnTelemetryAsync("test-a", MonitoringGateway.Telemetry(), gateway.Time.GetUtcNow());
        Assert.Empty(await AlarmsAsync(gateway, openOnly: true));
        locker = await gateway.Service<ILockerStore>().ExecuteAsync(tx => tx.Registry.GetLockerAsync("test-a"));
        Assert.True(locker!.Online);
    }

    // Issue 12, finding 5: provisioning set telemetry every 300 s while the gateway declared offline after 3 x 60 s.
    [Fact]
    public async Task ProvisionedTelemetryInterval_IdleLockerIsNotOfflineBeforeThreeOfItsIntervals()
    {
        await using var gateway = await MonitoringGateway.StartAsync(new Dictionary<string, string?> { ["Monitoring:HeartbeatIntervalSeconds"] = "60" });
        await gateway.Service<ILockerStore>().ExecuteAsync(tx => tx.LockerLink.SaveCredentialsAsync(
            new Lockers.Gateway.Link.LockerCredentials("test-a", "test-a", "hash", [1, 2, 3], gateway.Time.GetUtcNow()) { HeartbeatS = 60, TelemetryS = 300 }));
        await gateway.BringOnlineAsync();

        for (var silent = 0; silent < 880; silent += 20)
        {
            gateway.Time.Advance(TimeSpan.FromSeconds(20));
            await gateway.Health.EvaluateAllAsync();
            Assert.Empty(await AlarmsAsync(gateway, openOnly: true));
        }

        gateway.Time.Advance(TimeSpan.FromSeconds(21)); // 901 s: three of its intervals and a second
        await gateway.Health.EvaluateAllAsync();
        var offline = Assert.Single(await AlarmsAsync(gateway, openOnly: true));
        Assert.Equal(AlarmKinds.LockerOffline, offline.Kind);
        Assert.Contains("telemetry every 300 s", offline.Detail);
    }

    [Fact]
    public async Task LastWill_RaisesOfflineAtOnce_BirthClearsIt()
    {
        await using var gateway = await MonitoringGateway.StartAsync();
        await gateway.BringOnlineAsync();

        await gateway.Health.OnStatusAsync("test-a", false, null, gateway.Time.GetUtcNow());
        Assert.Equal(AlarmKinds.LockerOffline, Assert.Single(await AlarmsAsync(gateway, openOnly: true)).Kind);

        await gateway.Health.OnStatusAsync("test-a", true, "0.1.1", gateway.Time.GetUtcNow());
        Assert.Empty(await AlarmsAsync(gateway, openOnly: true));
        Assert.Equal("0.1.1", gateway.Service<LockerHealthState>().Find("test-a")!.Firmware);
    }

    [Fact]
    public async Task CommandRefusedForBadSignature_RaisesCriticalAlarmNamingAnAttack()
    {
        await using var gateway = await MonitoringGateway.StartAsync();
        await gateway.BringOnlineAsync();

        await gateway.Health.OnCommandRefusedAsync("test-a", "c-9", RefusalReasons.BadSignature, gateway.Time.GetUtcNow());
        gateway.Time.Advance(TimeSpan.FromMinutes(1));
        await gateway.Health.OnCommandRefusedAsync("test-a", "c-10", RefusalReasons.Replay, gateway.Time.GetUtcNow());

        var alarm = Assert.Single(await AlarmsAsync(gateway, openOnly: true));
        Assert.Equal((AlarmKinds.CommandRefused, AlarmSeverity.Critical, 2), (alarm.Kind, alarm.Severity, alarm.Occurrences));
        Assert.Contains("possible attack", alarm.Detail);
        Assert.Contains("c-10", alarm.Detail);

        // Quiet for the quiet period: the condition ended, but a possible attack stays until someone has seen it.
        gateway.Time.Advance(TimeSpan.FromMinutes(30));
        await gateway.Health.EvaluateAllAsync();
        Assert.Equal("condition_ended", Assert.Single(await AlarmsAsync(gateway, openOnly: true), a => a.Kind == AlarmKinds.CommandRefused).State);
        await gateway.Service<AlarmLifecycle>().AcknowledgeAsync(alarm.Id, "mia");
        Assert.DoesNotContain(await AlarmsAsync(gateway, openOnly: true), a => a.Kind == AlarmKinds.CommandRefused);
    }

    [Theory]
    [InlineData(RefusalReasons.Expired)]
    [InlineData(RefusalReasons.NoTime)]
    public async Task CommandRefusedAsStale_RaisesNoAlarm(string reason)
    {
        await using var gateway = await MonitoringGateway.StartAsync();
        await gateway.BringOnlineAsync();

        await gateway.Health.OnCommandRefusedAsync("test-a", "c-9", reason, gateway.Time.GetUtcNow());

        Assert.Empty(await AlarmsAsync(gateway, openOnly: true));
    }

    [Fact]
    public async Task OfflineConflict_RaisesAMajorEventAlarm_ThatClearsAfterTheQuietPeriod()
    {
        await using var gateway = await MonitoringGateway.StartAsync();
        await gateway.BringOnlineAsync();

        await gateway.Health.OnOfflineConflictAsync("test-a", 3, "compartment 3 opened offline: the parcel is in test-a/4 now", gateway.Time.GetUtcNow());

        var alarm = Assert.Single(await AlarmsAsync(gateway, openOnly: true));
        Assert.Equal((AlarmKinds.OfflineConflict, AlarmSeverity.Major), (alarm.Kind, alarm.Severity));
        Assert.Contains("test-a/4", alarm.Detail);
        gateway.Time.Advance(TimeSpan.FromMinutes(30));
        await gateway.Health.EvaluateAllAsync();
        Assert.DoesNotContain(await AlarmsAsync(gateway, openOnly: true), a => a.Kind == AlarmKinds.OfflineConflict);
    }

    [Fact]
    public async Task TelemetryOutOfRange_RaisesSupplyAndTemperatureAlarms_AndStoresHistory()
    {
        await using var gateway = await MonitoringGateway.StartAsync();
        await gateway.BringOnlineAsync();
        gateway.Time.Advance(TimeSpan.FromSeconds(60));

        await gateway.Health.OnTelemetryAsync("test-a", MonitoringGateway.Telemetry(supplyMv: 10_200, temperatureC: 75), gateway.Time.GetUtcNow());

        var kinds = (await AlarmsAsync(gateway, openOnly: true)).Select(a => a.Kind).Order().ToList();
        Assert.Equal([AlarmKinds.SupplyOutOfRange, AlarmKinds.TemperatureOutOfRange], kinds);
        var history = await gateway.Service<ILockerStore>().ExecuteAsync(tx => tx.Monitoring.ListTelemetryAsync("test-a", 10));
        Assert.Equal([12_000, 10_200], history.Select(sample => sample.SupplyMv!.Value).ToList());
    }

    [Fact]
    public async Task JournalOverflowAndTamper_RaiseEventAlarms()
    {
        await using var gateway = await MonitoringGateway.StartAsync();
        await gateway.BringOnlineAsync();

        await gateway.Health.OnJournalOverflowAsync("test-a", 12, gateway.Time.GetUtcNow());
        await gateway.Health.OnTamperAsync("test-a", "case opened", gateway.Time.GetUtcNow());

        var alarms = await AlarmsAsync(gateway, openOnly: true);
        Assert.Contains(alarms, a => a.Kind == AlarmKinds.JournalOverflow && a.Detail.Contains("12 events lost"));
        Assert.Contains(alarms, a => a.Kind == AlarmKinds.Tamper && a.Detail.Contains("case opened"));
    }

    [Fact]
    public async Task ReaderHeldInTheStore_RaisesPinThrottle_ClearedWhenTheBlockEnds()
    {
        await using var gateway = await MonitoringGateway.StartAsync();
        await gateway.BringOnlineAsync();
        var now = gateway.Time.GetUtcNow();
        await gateway.Service<ILockerStore>().ExecuteAsync(tx => tx.Throttle.SaveAsync(
            Gateway.Throttle.ThrottleScope.Reader("test-site", "test-a", "k1"),
            new Gateway.Throttle.ThrottleState(4, now + TimeSpan.FromMinutes(2))));

        await gateway.Health.OnHoldsChangedAsync("test-a");
        Assert.Equal(AlarmKinds.PinThrottle, Assert.Single(await AlarmsAsync(gateway, openOnly: true)).Kind);

        gateway.Time.Advance(TimeSpan.FromMinutes(2));
        await gateway.Health.OnTelemetryAsync("test-a", MonitoringGateway.Telemetry(), gateway.Time.GetUtcNow());
        Assert.Empty(await AlarmsAsync(gateway, openOnly: true));
    }

    [Fact]
    public async Task RepeatedBirthsWithinTheWindow_RaiseSessionTakeover_ButAReconnectNowAndThenDoesNot()
    {
        await using var gateway = await MonitoringGateway.StartAsync();
        await gateway.BringOnlineAsync(); // birth 1

        // A reboot or a glitch every few minutes: never four births within ten minutes.
        for (int i = 0; i < 4; i++)
        {
            gateway.Time.Advance(TimeSpan.FromMinutes(4));
            await gateway.Health.OnStatusAsync("test-a", true, "0.1.0", gateway.Time.GetUtcNow());
        }

        Assert.DoesNotContain(await AlarmsAsync(gateway, openOnly: true), a => a.Kind == AlarmKinds.SessionTakeover);

        // Knocked off and back, again and again, as when a copied certificate takes the session over.
        for (int i = 0; i < 3; i++)
        {
            gateway.Time.Advance(TimeSpan.FromSeconds(20));
            await gateway.Health.OnStatusAsync("test-a", false, null, gateway.Time.GetUtcNow());
            await gateway.Health.OnStatusAsync("test-a", true, "0.1.0", gateway.Time.GetUtcNow());
        }

        var alarm = Assert.Single(await AlarmsAsync(gateway, openOnly: true), a => a.Kind == AlarmKinds.SessionTakeover);
        Assert.Equal(AlarmSeverity.Critical, AlarmKinds.SeverityOf(alarm.Kind));
        Assert.Matches(@"connected \d+ times within 10 min", alarm.Detail);
    }
}
