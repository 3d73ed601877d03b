using Lockers.Gateway.Monitoring;

namespace Lockers.Gateway.Tests.Monitoring;

/// <summary>When reconciling needs the write lock: only when an alarm is to be raised, touched or cleared.</summary>
public class AlarmLifecycleWriteTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void NoConditions_NoOpenAlarms_NeedsNoWrite() =>
        Assert.False(AlarmLifecycle.NeedsWrite([], []));

    [Fact]
    public void LastingConditionSeenRecently_NeedsNoWrite() =>
        Assert.False(AlarmLifecycle.NeedsWrite([Open(AlarmKinds.LockerOffline, lastSeen: Now.AddSeconds(-30))],
            [Condition(AlarmKinds.LockerOffline, Now)]));

    [Fact]
    public void LastingConditionSeenAMinuteAgo_IsTouched() =>
        Assert.True(AlarmLifecycle.NeedsWrite([Open(AlarmKinds.LockerOffline, lastSeen: Now.AddMinutes(-1))],
            [Condition(AlarmKinds.LockerOffline, Now)]));

    [Fact]
    public void NewCondition_IsRaised() =>
        Assert.True(AlarmLifecycle.NeedsWrite([], [Condition(AlarmKinds.DoorForced, Now, compartment: 3)]));

    [Fact]
    public void RepeatedEventAlarm_CountsAnOccurrence() =>
        Assert.True(AlarmLifecycle.NeedsWrite([Open(AlarmKinds.CommandRefused, lastSeen: Now.AddSeconds(-1))],
            [Condition(AlarmKinds.CommandRefused, Now)]));

    [Fact]
    public void EndedCondition_IsCleared() =>
        Assert.True(AlarmLifecycle.NeedsWrite([Open(AlarmKinds.LockerOffline, lastSeen: Now)], []));

    [Fact]
    public void SameKindOtherCompartment_IsANewAlarm() =>
        Assert.True(AlarmLifecycle.NeedsWrite([Open(AlarmKinds.DoorForced, lastSeen: Now, compartment: 1)],
            [Condition(AlarmKinds.DoorForced, Now, compartment: 1), Condition(AlarmKinds.DoorForced, Now, compartment: 2)]));

    private static AlarmCondition Condition(string kind, DateTimeOffset at, int? compartment = null) =>
        new(kind, "test-a", compartment, "detail", at);

    private static MonitoredAlarm Open(string kind, DateTimeOffset lastSeen, int? compartment = null) =>
        new(1, kind, AlarmKinds.SeverityOf(kind), "test-site", "test-a", compartment, "detail", lastSeen.AddHours(-1), lastSeen, 1);
}
