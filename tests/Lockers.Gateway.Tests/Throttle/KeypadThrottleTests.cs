using Lockers.Gateway.Reservations.Doors;
using Lockers.Gateway.Audit;
using Lockers.Gateway.Codes;
using Lockers.Gateway.Monitoring;
using Lockers.Gateway.Store;
using Lockers.Gateway.Tests.Infrastructure;

namespace Lockers.Gateway.Tests.Throttle;

/// <summary>Default schedule: 0, 0, 0, 5, 15, 60, 300, 900 seconds after the 1st..8th consecutive failure.</summary>
public class KeypadThrottleTests : IAsyncLifetime
{
    private readonly GatewayFixture _gateway = new();
    private LockerDriver _locker = null!;
    private IssuedPickupCodes _codes = null!;

    public async Task InitializeAsync()
    {
        await _gateway.ImportTestSiteAsync();
        var http = await _gateway.CreateApiClientAsync();
        _locker = new LockerDriver(_gateway.Factory);
        _codes = await _locker.DepositAsync((await http.BookAsync()).DropoffCode);
    }

    public Task DisposeAsync()
    {
        _gateway.Dispose();
        return Task.CompletedTask;
    }

    private async Task FailAsync(int times, string keypad = "kp-1")
    {
        for (var i = 0; i < times; i++)
        {
            Assert.Equal(CodeCheckOutcome.Rejected, (await _locker.EnterAsync("999999", keypad)).Outcome);
        }
    }

    [Fact]
    public async Task Check_FourthFailureInARow_BlocksTheKeypadFiveSeconds()
    {
        await FailAsync(3);
        Assert.Equal(CodeCheckOutcome.Rejected, (await _locker.EnterAsync("999998")).Outcome); // 4th failure, now blocked 5 s

        var blocked = await _locker.EnterAsync(_codes.Pin);

        Assert.Equal(CodeCheckOutcome.Throttled, blocked.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(5), blocked.RetryAfter);
    }

    [Fact]
    public async Task Check_FurtherFailures_DelaysGrow()
    {
        await FailAsync(4);
        _gateway.Time.Advance(TimeSpan.FromSeconds(5));
        await FailAsync(1); // 5th: 15 s

        Assert.Equal(TimeSpan.FromSeconds(15), (await _locker.EnterAsync("1")).RetryAfter);
        _gateway.Time.Advance(TimeSpan.FromSeconds(15));
        await FailAsync(1); // 6th: 60 s
        Assert.Equal(TimeSpan.FromSeconds(60), (await _locker.EnterAsync("1")).RetryAfter);
    }

    [Fact]
    public async Task Check_RightPinAfterTheDelay_IsAccepted()
    {
        await FailAsync(4);
        _gateway.Time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(CodeCheckOutcome.Accepted, (await _locker.EnterAsync(_codes.Pin)).Outcome);
    }

    [Fact]
    public async Task Check_StrangerBlocksOneKeypad_OtherKeypadsAndQrStillWork()
    {
        await FailAsync(4, keypad: "kp-1");
        Assert.Equal(CodeCheckOutcome.Throttled, (await _locker.EnterAsync(_codes.Pin, keypad: "kp-1")).Outcome);

        Assert.Equal(CodeCheckOutcome.Accepted, (await _locker.EnterAsync(_codes.Pin, keypad: "kp-2")).Outcome);
        Assert.Equal(CodeCheckOutcome.Accepted, (await _locker.EnterAsync(_codes.QrToken, keypad: "kp-1", source: CodeSource.Qr)).Outcome);
    }

    [Fact]
    public async Task Check_RightPinAfterFailures_ResetsTheCount()
    {
        await FailAsync(3);
        Assert.Equal(CodeCheckOutcome.Accepted, (await _locker.EnterAsync(_codes.Pin)).Outcome);

        await FailAsync(3);

        Assert.Equal(CodeCheckOutcome.Accepted, (await _locker.EnterAsync(_codes.Pin)).Outcome);
    }

    [Fact]
    public async Task Check_FiveFailures_AllAudited_AndTheHeldKeypadRaisesOnePinThrottleAlarm()
    {
        await FailAsync(4);
        _gateway.Time.Advance(TimeSpan.FromSeconds(5));
        await FailAsync(1);
        await _gateway.Factory.Service<LockerHealthService>().EvaluateAllAsync();

        var (audit, alarms) = await _gateway.Factory.Service<ILockerStore>().ExecuteAsync(async tx =>
            (await tx.Audit.ListRecentAsync(100), await tx.Monitoring.ListAlarmsAsync("test-a", openOnly: false, 10)));

        Assert.Equal(5, audit.Count(e => e.Action == AuditActions.CodeRejected && e.Actor == "keypad:kp-1"));
        Assert.Equal(AlarmKinds.PinThrottle, Assert.Single(alarms).Kind); // one kind for the condition (was also keypad_brute_force)
    }

    [Fact]
    public async Task ThrottleState_IsInTheStore_SoAnotherGatewaySeesIt()
    {
        await FailAsync(4);

        var state = await _gateway.Factory.Service<ILockerStore>().ExecuteAsync(tx =>
            tx.Throttle.GetAsync(new Gateway.Throttle.KeypadRef(GatewayFixture.SiteId, "test-a", "kp-1")));

        Assert.Equal(4, state!.Failures);
        Assert.Equal(_gateway.Time.GetUtcNow().AddSeconds(5), state.BlockedUntil);
    }
}
