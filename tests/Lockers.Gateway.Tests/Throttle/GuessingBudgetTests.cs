using Lockers.Gateway.Audit;
using Lockers.Gateway.Codes;
using Lockers.Gateway.Monitoring;
using Lockers.Gateway.Reservations.Doors;
using Lockers.Gateway.Store;
using Lockers.Gateway.Tests.Infrastructure;
using Lockers.Gateway.Tests.Localization;
using Lockers.Gateway.Throttle;

namespace Lockers.Gateway.Tests.Throttle;

/// <summary>
/// The guessing budgets (ADR 0108) through the real verifier and store. Default schedule per reader and per locker: 0, 0, 0, 5,
/// 15, 60, 300, 900 seconds after the 1st..8th consecutive failure; site budget 100 failures per family in 24 h.
/// Issue 13: <c>Finding2_*</c>, <c>Finding3_*</c> and <c>Finding4_*</c> failed on the code before (per-keypad counts only,
/// reset on acceptance, scanner never counted).
/// </summary>
public class GuessingBudgetTests : IAsyncLifetime
{
    private GatewayFixture _gateway = new();
    private LockerDriver _locker = null!;
    private HttpClient _http = null!;
    private IssuedPickupCodes _codes = null!;

    public async Task InitializeAsync() => await StartAsync(new GatewayFixture());

    private async Task StartAsync(GatewayFixture gateway)
    {
        _gateway.Dispose();
        _gateway = gateway;
        await _gateway.ImportTestSiteAsync();
        _http = await _gateway.CreateApiClientAsync();
        _locker = new LockerDriver(_gateway.Factory);
        _codes = await _locker.DepositAsync((await _http.BookAsync()).DropoffCode);
    }

    public Task DisposeAsync()
    {
        _gateway.Dispose();
        return Task.CompletedTask;
    }

    private async Task FailAsync(int times, string keypad = "kp-1", string locker = "test-a", CodeSource source = CodeSource.Keypad,
        string code = "999999")
    {
        for (var i = 0; i < times; i++)
        {
            Assert.Equal(CodeCheckOutcome.Rejected, (await _locker.EnterAsync(code, keypad, locker, source)).Outcome);
        }
    }

    [Fact]
    public async Task Check_FourthFailureInARow_HoldsTheReaderFiveSeconds()
    {
        await FailAsync(3);
        Assert.Equal(CodeCheckOutcome.Rejected, (await _locker.EnterAsync("999998")).Outcome); // 4th failure, now held 5 s

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
    public async Task Check_StrangerHoldsOneLocker_OtherLockersOfTheSiteAndQrStillWork()
    {
        await FailAsync(4, keypad: "kp-1");
        Assert.Equal(CodeCheckOutcome.Throttled, (await _locker.EnterAsync(_codes.Pin, keypad: "kp-1")).Outcome);

        Assert.Equal(CodeCheckOutcome.Accepted, (await _locker.EnterAsync(_codes.Pin, keypad: "kp-b", locker: "test-b")).Outcome);
        Assert.Equal(CodeCheckOutcome.Accepted, (await _locker.EnterAsync(_codes.QrToken, keypad: "qr-1", source: CodeSource.Qr)).Outcome);
    }

    [Fact]
    public async Task Finding2_RotatingTheReaderOfOneLocker_CountsAgainstTheLocker()
    {
        // Before: every new reader id started from zero, so rotating it every 3 guesses was never throttled.
        for (var reader = 1; reader <= 4; reader++)
        {
            await FailAsync(1, keypad: $"kp-{reader}");
        }

        var fifth = await _locker.EnterAsync("999999", keypad: "kp-5");

        Assert.Equal(CodeCheckOutcome.Throttled, fifth.Outcome);
        Assert.Equal(HoldScope.Locker, fifth.GuessHold!.Scope);
    }

    [Fact]
    public async Task Finding3_RightCodeAcceptedButTheDoorNeverOpened_DoesNotResetTheCount()
    {
        // Before: an accepted code cleared the keypad, so one live code behind a door held shut gave 3 free guesses per round.
        await FailAsync(3);
        Assert.Equal(CodeCheckOutcome.Accepted, (await _locker.EnterAsync(_codes.Pin)).Outcome);

        await FailAsync(1);

        Assert.Equal(CodeCheckOutcome.Throttled, (await _locker.EnterAsync("999997")).Outcome);
    }

    [Fact]
    public async Task Finding3_JammedDoor_KeepsTheCodeValidAndTheCount()
    {
        await FailAsync(3);
        var accepted = await _locker.EnterAsync(_codes.Pin);
        await _gateway.Factory.Service<DoorEventService>().ReportJammedAsync("test-a", accepted.Compartment!.Value.Number, _locker.NextSeq());
        Assert.Equal(CodeCheckOutcome.Rejected, (await _locker.EnterAsync("999996")).Outcome); // 4th failure: held 5 s

        Assert.Equal(CodeCheckOutcome.Throttled, (await _locker.EnterAsync(_codes.Pin)).Outcome);
        _gateway.Time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(CodeCheckOutcome.Accepted, (await _locker.EnterAsync(_codes.Pin)).Outcome); // the code is still valid
    }

    [Fact]
    public async Task Check_DoorOpenedForTheRightCode_ResetsTheReaderAndItsLocker()
    {
        await FailAsync(3);
        var accepted = await _locker.EnterAsync(_codes.Pin);
        Assert.Equal(DoorEventOutcome.Applied, await _locker.OpenedAsync(accepted.Compartment!.Value));

        await FailAsync(3);

        var state = await _gateway.Factory.Service<ILockerStore>().ExecuteAsync(async tx =>
            (await tx.Throttle.GetAsync(ThrottleScope.Reader(GatewayFixture.SiteId, "test-a", "kp-1")),
             await tx.Throttle.GetAsync(ThrottleScope.Locker(GatewayFixture.SiteId, "test-a"))));
        Assert.Equal((3, 3), (state.Item1!.Failures, state.Item2!.Failures));
    }

    [Theory]
    [InlineData("123456")]   // PIN-shaped
    [InlineData("12345678")] // drop-off-shaped: accepted at the scanner (labels), so counted there too
    public async Task Finding4_ShortCodesAtTheScanner_AreThrottledLikeKeypadEntries(string code)
    {
        // Before: the scanner was never throttled (60 wrong 6- and 8-digit codes in 16 s).
        await FailAsync(4, keypad: "qr-1", source: CodeSource.Qr, code: code);

        var held = await _locker.EnterAsync(code, keypad: "qr-1", source: CodeSource.Qr);

        Assert.Equal(CodeCheckOutcome.Throttled, held.Outcome);
    }

    [Fact]
    public async Task Finding4_QrTokensAtTheScanner_AreNeverHeldNorCounted()
    {
        var forged = CodeGenerator.Token();
        await FailAsync(10, keypad: "qr-1", source: CodeSource.Qr, code: forged);
        await FailAsync(4, keypad: "kp-1"); // and the locker held by a stranger at the keypad

        Assert.Equal(CodeCheckOutcome.Accepted, (await _locker.EnterAsync(_codes.QrToken, keypad: "qr-1", source: CodeSource.Qr)).Outcome);
        var scanner = await _gateway.Factory.Service<ILockerStore>().ExecuteAsync(tx =>
            tx.Throttle.GetAsync(ThrottleScope.Reader(GatewayFixture.SiteId, "test-a", "qr-1")));
        Assert.Null(scanner);
    }

    [Fact]
    public async Task SiteBudget_Spent_HoldsThatFamilyAtEveryLocker_NotOtherFamiliesNorQr_AndRaisesGuessingBudget()
    {
        await StartAsync(new GatewayFixture(new Dictionary<string, string?>
        {
            ["Throttle:DelaysSeconds:0"] = "0", // no reader or locker delays: only the site budget counts here
            ["Throttle:SiteFailureBudget"] = "5",
        }));
        await FailAsync(3, locker: "test-a");
        await FailAsync(2, keypad: "kp-b", locker: "test-b");

        var pin = await _locker.EnterAsync(_codes.Pin, keypad: "kp-b", locker: "test-b");
        var dropoff = await _locker.EnterAsync("12345678", keypad: "kp-b", locker: "test-b");
        var qr = await _locker.EnterAsync(_codes.QrToken, keypad: "qr-1", source: CodeSource.Qr);

        Assert.Equal((CodeCheckOutcome.Throttled, HoldScope.Site), (pin.Outcome, pin.GuessHold!.Scope));
        Assert.Equal(CodeCheckOutcome.Rejected, dropoff.Outcome);
        Assert.Equal(CodeCheckOutcome.Accepted, qr.Outcome);
        await _gateway.Factory.Service<LockerHealthService>().EvaluateAllAsync();
        var alarm = Assert.Single(await _gateway.Factory.Service<ILockerStore>().ExecuteAsync(tx =>
            tx.Monitoring.ListAlarmsAsync(null, openOnly: true, 10)), a => a.Kind == AlarmKinds.GuessingBudget);
        Assert.Equal(("test-a", AlarmSeverity.Critical), (alarm.LockerId, alarm.Severity));
        Assert.Contains("5 failed PIN entries", alarm.Detail);
        AlarmDetailReading.AssertReadsInJapaneseAndChinese(alarm.Detail);

        // The window slides: a day later the oldest failures have left it, and the PIN is checked again.
        _gateway.Time.Advance(TimeSpan.FromHours(24));
        Assert.Equal(CodeCheckOutcome.Rejected, (await _locker.EnterAsync("999999", keypad: "kp-b", locker: "test-b")).Outcome);
        await _gateway.Factory.Service<LockerHealthService>().EvaluateAllAsync();
        // The condition ended; a critical alarm then waits for someone to acknowledge it (ADR 0306).
        Assert.Equal("condition_ended", Assert.Single(await _gateway.Factory.Service<ILockerStore>().ExecuteAsync(tx =>
            tx.Monitoring.ListAlarmsAsync(null, openOnly: true, 10)), a => a.Kind == AlarmKinds.GuessingBudget).State);
    }

    [Fact]
    public async Task Check_FiveFailures_AllAudited_AndTheHeldReaderRaisesOnePinThrottleAlarm()
    {
        await FailAsync(4);
        _gateway.Time.Advance(TimeSpan.FromSeconds(5));
        await FailAsync(1);
        await _gateway.Factory.Service<LockerHealthService>().EvaluateAllAsync();

        var (audit, alarms) = await _gateway.Factory.Service<ILockerStore>().ExecuteAsync(async tx =>
            (await tx.Audit.ListRecentAsync(100), await tx.Monitoring.ListAlarmsAsync("test-a", openOnly: false, 10)));

        Assert.Equal(5, audit.Count(e => e.Action == AuditActions.CodeRejected && e.Actor == "keypad:kp-1"));
        Assert.Contains("family=pin failures=5 locker_failures=5", audit.First(e => e.Action == AuditActions.CodeRejected).Detail);
        Assert.Equal(AlarmKinds.PinThrottle, Assert.Single(alarms).Kind); // one kind for the condition (was also keypad_brute_force)
    }

    [Fact]
    public async Task ThrottleState_IsInTheStore_SoAnotherGatewaySeesIt()
    {
        await FailAsync(4);

        var state = await _gateway.Factory.Service<ILockerStore>().ExecuteAsync(tx =>
            tx.Throttle.GetAsync(ThrottleScope.Reader(GatewayFixture.SiteId, "test-a", "kp-1")));

        Assert.Equal(4, state!.Failures);
        Assert.Equal(_gateway.Time.GetUtcNow().AddSeconds(5), state.BlockedUntil);
    }

    [Theory]
    [InlineData("123456", CodeSource.Keypad, CodeFamily.Pin)]
    [InlineData("123456", CodeSource.Qr, CodeFamily.Pin)]
    [InlineData("12345678", CodeSource.Qr, CodeFamily.Dropoff)]
    [InlineData("1234", CodeSource.Keypad, CodeFamily.Other)]
    [InlineData("123456789", CodeSource.Keypad, CodeFamily.CourierPin)] // Codes:CourierPinLength: a courier's PIN counts too
    [InlineData("AAAAAAAAAAAAAAAAAAAAA-", CodeSource.Qr, CodeFamily.Qr)]
    [InlineData("AAAAAAAAAAAAAAAAAAAAA-", CodeSource.Keypad, CodeFamily.Other)] // a keypad has no letters
    [InlineData("AAAAAAAAAAAAAAAAAAAAA!", CodeSource.Qr, CodeFamily.Other)]
    [InlineData("https://example.org/not-a-code", CodeSource.Qr, CodeFamily.Other)]
    public void Classify_ByShapeAndSource(string code, CodeSource source, CodeFamily family)
    {
        Assert.Equal(family, CodeFamilies.Classify(code, source, new CodesOptions()));
    }
}
