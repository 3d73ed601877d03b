using Lockers.Core.Protocol;
using Lockers.Gateway.Monitoring;
using Lockers.Gateway.Tests.Localization;
using static Lockers.Gateway.Tests.Monitoring.HealthSnapshots;

namespace Lockers.Gateway.Tests.Monitoring;

public sealed class AlarmRulesTests
{
    private static readonly MonitoringOptions Options = new()
    {
        HeartbeatIntervalSeconds = 60, MissedHeartbeatsForOffline = 3, SupplyMinMv = 11_000, SupplyMaxMv = 14_500,
        TemperatureMinC = -20, TemperatureMaxC = 70, EventAlarmQuietMinutes = 30,
    };

    private readonly AlarmRules _rules = new(Options);

    private IReadOnlyList<AlarmCondition> At(LockerHealthSnapshot snapshot, TimeSpan after) => _rules.Evaluate(snapshot, Start + after);

    [Fact]
    public void Evaluate_HealthyLocker_RaisesNothing()
    {
        Assert.Empty(At(Healthy(), TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void Offline_RetainedStatusOffline_RaisesLockerOfflineAtOnce()
    {
        var condition = Assert.Single(At(Healthy() with { ReportedOnline = false }, TimeSpan.Zero));
        Assert.Equal(AlarmKinds.LockerOffline, condition.Kind);
        Assert.Equal(AlarmSeverity.Major, condition.Severity);
        Assert.Contains("last will", condition.Detail);
    }

    [Fact]
    public void Offline_ProvisionedInterval_IsTheAllowanceInsteadOfTheDefault()
    {
        var provisioned = Healthy() with { ContactInterval = TimeSpan.FromSeconds(300) };

        Assert.True(_rules.IsOnline(provisioned, Start + TimeSpan.FromSeconds(900)));
        Assert.Empty(At(provisioned, TimeSpan.FromSeconds(900)));
        var condition = Assert.Single(At(provisioned, TimeSpan.FromSeconds(901)));
        Assert.Equal(AlarmKinds.LockerOffline, condition.Kind);
        Assert.Contains("telemetry every 300 s", condition.Detail);
    }

    [Fact]
    public void Offline_HeartbeatsMissedForThreeIntervals_RaisesOnlyAfterTheAllowance()
    {
        Assert.Empty(At(Healthy(), TimeSpan.FromSeconds(180)));
        Assert.True(_rules.IsOnline(Healthy(), Start + TimeSpan.FromSeconds(180)));

        var condition = Assert.Single(At(Healthy(), TimeSpan.FromSeconds(181)));
        Assert.Equal(AlarmKinds.LockerOffline, condition.Kind);
        Assert.Contains("no message for 181 s", condition.Detail);
        Assert.False(_rules.IsOnline(Healthy(), Start + TimeSpan.FromSeconds(181)));
    }

    [Fact]
    public void Offline_NothingHeardSinceStart_RaisesNothingUntilTheStatusArrives()
    {
        Assert.Empty(At(Healthy() with { ReportedOnline = null, LastContact = null }, TimeSpan.FromHours(1)));
    }

    [Theory]
    [InlineData(DoorStates.Forced, AlarmKinds.DoorForced, AlarmSeverity.Critical)]
    [InlineData(DoorStates.Jammed, AlarmKinds.DoorJammed, AlarmSeverity.Major)]
    [InlineData(DoorStates.LeftOpen, AlarmKinds.DoorLeftOpen, AlarmSeverity.Major)]
    public void Door_AlarmingState_RaisesAlarmForThatCompartment(string doorState, string kind, AlarmSeverity severity)
    {
        var condition = Assert.Single(At(Healthy().WithDoor(3, doorState), TimeSpan.Zero));
        Assert.Equal((kind, 3, severity), (condition.Kind, condition.Compartment, condition.Severity));
    }

    [Theory]
    [InlineData(DoorStates.Closed)]
    [InlineData(DoorStates.Opened)]
    public void Door_ClosedOrOpenedByUnlock_EndsTheDoorAlarm(string doorState)
    {
        Assert.Empty(At(Healthy().WithDoor(3, DoorStates.Forced).WithDoor(3, doorState), TimeSpan.Zero));
    }

    [Theory]
    [InlineData(10_999)]
    [InlineData(14_501)]
    public void Supply_OutsideConfiguredRange_RaisesSupplyOutOfRange(int supplyMv)
    {
        var condition = Assert.Single(At(Healthy() with { Telemetry = Telemetry(supplyMv: supplyMv) }, TimeSpan.Zero));
        Assert.Equal(AlarmKinds.SupplyOutOfRange, condition.Kind);
        Assert.Contains($"{supplyMv} mV", condition.Detail);
    }

    [Theory]
    [InlineData(11_000)]
    [InlineData(14_500)]
    public void Supply_AtTheLimits_IsAccepted(int supplyMv)
    {
        Assert.Empty(At(Healthy() with { Telemetry = Telemetry(supplyMv: supplyMv) }, TimeSpan.Zero));
    }

    [Theory]
    [InlineData(-20.5)]
    [InlineData(70.5)]
    public void Temperature_OutsideConfiguredRange_RaisesTemperatureOutOfRange(double celsius)
    {
        var condition = Assert.Single(At(Healthy() with { Telemetry = Telemetry(temperatureC: celsius) }, TimeSpan.Zero));
        Assert.Equal(AlarmKinds.TemperatureOutOfRange, condition.Kind);
    }

    [Theory]
    [InlineData(12_000, -127.0, "temperature reads -127")]
    [InlineData(0, 21.0, "supply reads 0 mV")]
    public void Sensor_ImplausibleReading_RaisesSensorFaultNotRangeAlarm(int supplyMv, double celsius, string detail)
    {
        var condition = Assert.Single(At(Healthy() with { Telemetry = Telemetry(supplyMv, celsius) }, TimeSpan.Zero));
        Assert.Equal(AlarmKinds.SensorFault, condition.Kind);
        Assert.Contains(detail, condition.Detail);
    }

    [Fact]
    public void Telemetry_FiguresTheBoardCannotMeasure_RaiseNothing()
    {
        Assert.Empty(At(Healthy() with { Telemetry = Telemetry(supplyMv: null, temperatureC: null) }, TimeSpan.Zero));
    }

    [Fact]
    public void PinThrottle_ReaderHeldBack_RaisesUntilTheBlockEnds()
    {
        var snapshot = Healthy() with { ThrottledReaders = [new ThrottledReader("k1", Start + TimeSpan.FromMinutes(5))] };

        var condition = Assert.Single(At(snapshot.HeardAt(TimeSpan.FromMinutes(4)), TimeSpan.FromMinutes(4)));
        Assert.Equal(AlarmKinds.PinThrottle, condition.Kind);
        Assert.Contains("k1", condition.Detail);
        Assert.Empty(At(snapshot.HeardAt(TimeSpan.FromMinutes(5)), TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void PinThrottle_WholeLockerHeldBack_IsSaidInTheReadersWords()
    {
        var until = Start + TimeSpan.FromMinutes(5);
        var snapshot = Healthy() with { ThrottledReaders = [new ThrottledReader("", until), new ThrottledReader("k1", until)] };

        var condition = Assert.Single(At(snapshot.HeardAt(TimeSpan.FromMinutes(1)), TimeSpan.FromMinutes(1)));
        Assert.EndsWith("the whole locker, k1", condition.Detail);
        AlarmDetailReading.AssertReadsInJapaneseAndChinese(condition.Detail);
    }

    [Fact]
    public void PinThrottle_CarriesWhenTheHoldEnds_AndNoUtcClockTimeInItsWords()
    {
        var snapshot = Healthy() with
        {
            ThrottledReaders = [new ThrottledReader("k1", Start + TimeSpan.FromMinutes(5)), new ThrottledReader("k2", Start + TimeSpan.FromMinutes(9))],
        };

        var condition = Assert.Single(At(snapshot.HeardAt(TimeSpan.FromMinutes(1)), TimeSpan.FromMinutes(1)));

        // Pages show the end in the viewer's time zone and count down to it; words with "09:05:00Z" could do neither.
        Assert.Equal(Start + TimeSpan.FromMinutes(9), condition.Until);
        Assert.DoesNotMatch(@"\d\d:\d\d", condition.Detail);
    }

    [Theory]
    [InlineData(AlarmKinds.JournalOverflow, AlarmSeverity.Warning)]
    [InlineData(AlarmKinds.CommandRefused, AlarmSeverity.Critical)]
    [InlineData(AlarmKinds.Tamper, AlarmSeverity.Critical)]
    public void EventAlarm_RaisedByIncident_ClearsAfterQuietPeriod(string kind, AlarmSeverity severity)
    {
        var snapshot = Healthy() with { Incidents = [new LockerIncident(kind, Start, "detail")] };

        var condition = Assert.Single(At(snapshot.HeardAt(TimeSpan.FromMinutes(29)), TimeSpan.FromMinutes(29)));
        Assert.Equal((kind, severity, Start), (condition.Kind, condition.Severity, condition.ObservedAt));
        Assert.Empty(At(snapshot.HeardAt(TimeSpan.FromMinutes(30)), TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public void EventAlarm_RepeatedIncidents_ReportTheLatestTime()
    {
        var later = Start + TimeSpan.FromMinutes(10);
        var snapshot = Healthy() with
        {
            Incidents = [new LockerIncident(AlarmKinds.CommandRefused, Start, "first"), new LockerIncident(AlarmKinds.CommandRefused, later, "second")],
        };

        var condition = Assert.Single(At(snapshot.HeardAt(TimeSpan.FromMinutes(35)), TimeSpan.FromMinutes(35)));
        Assert.Equal((later, "second"), (condition.ObservedAt, condition.Detail));
    }

    [Fact]
    public void Options_InvertedRanges_AreRefusedWithTheirNames()
    {
        var result = new MonitoringOptionsValidator().Validate(null, new MonitoringOptions
        {
            SupplyMinMv = 15_000, SupplyMaxMv = 14_000, TemperatureMinC = 10, TemperatureMaxC = 0, AlarmWebhookUrl = "ftp://x",
        });
        Assert.True(result.Failed);
        Assert.Contains("SupplyMinMv", result.FailureMessage);
        Assert.Contains("TemperatureMinC", result.FailureMessage);
        Assert.Contains("AlarmWebhookUrl", result.FailureMessage);
    }

    [Fact]
    public void Options_AlarmWebhookWithoutASecret_IsRefused()
    {
        var validator = new MonitoringOptionsValidator();

        var unsigned = validator.Validate(null, new MonitoringOptions { AlarmWebhookUrl = "https://ops.example/alarms" });
        var signed = validator.Validate(null, new MonitoringOptions
        {
            AlarmWebhookUrl = "https://ops.example/alarms", AlarmWebhookSecret = new string('s', 32),
        });

        Assert.True(unsigned.Failed);
        Assert.Contains("AlarmWebhookSecret", unsigned.FailureMessage);
        Assert.True(signed.Succeeded);
    }
}
