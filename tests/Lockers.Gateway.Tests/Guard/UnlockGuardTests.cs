using Lockers.Gateway.Audit;
using Lockers.Gateway.Dashboard;
using Lockers.Gateway.Guard;
using Lockers.Gateway.Localization;
using Lockers.Gateway.Monitoring;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Reservations.Doors;
using Lockers.Gateway.Store;
using Lockers.Gateway.Tests.Infrastructure;
using Lockers.Gateway.Tests.Localization;

namespace Lockers.Gateway.Tests.Guard;

/// <summary>The unlock anomaly guard (ADR 0110) through the real verifier, remote open and store.</summary>
public sealed class UnlockGuardTests : IDisposable
{
    private GatewayFixture _gateway = null!;
    private LockerDriver _locker = null!;
    private HttpClient _http = null!;

    private async Task StartAsync(int site = 30, int fleet = 600)
    {
        _gateway = new GatewayFixture(new Dictionary<string, string?>
        {
            ["Guard:SiteUnlocksPerMinute"] = site.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Guard:FleetUnlocksPerMinute"] = fleet.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        await _gateway.ImportTestSiteAsync();
        _http = await _gateway.CreateApiClientAsync();
        _locker = new LockerDriver(_gateway.Factory);
    }

    public void Dispose() => _gateway.Dispose();

    private Task<IReadOnlyList<MonitoredAlarm>> OpenAlarmsAsync() =>
        _gateway.Factory.Service<ILockerStore>().ExecuteAsync(tx => tx.Monitoring.ListAlarmsAsync(null, openOnly: true, 20));

    [Fact]
    public async Task SiteCeiling_TheUnlockOverIt_IsRefused_HoldsTheSiteUntilReleased_AndRaisesUnlockAnomaly()
    {
        await StartAsync(site: 2);
        var first = await _http.BookAsync();
        var second = await _http.BookAsync(ReservationRequests.Booking(parcel: "PARCEL-2"));
        var third = await _http.BookAsync(ReservationRequests.Booking(parcel: "PARCEL-3"));
        Assert.Equal(CodeCheckOutcome.Accepted, (await _locker.EnterAsync(first.DropoffCode)).Outcome);
        Assert.Equal(CodeCheckOutcome.Accepted, (await _locker.EnterAsync(second.DropoffCode)).Outcome);

        var over = await _locker.EnterAsync(third.DropoffCode);
        _gateway.Time.Advance(TimeSpan.FromMinutes(10));
        var later = await _locker.EnterAsync(third.DropoffCode, locker: "test-b");

        Assert.Equal((CodeCheckOutcome.Held, true), (over.Outcome, over.HoldTripped));
        Assert.Equal((CodeCheckOutcome.Held, false), (later.Outcome, later.HoldTripped)); // still held: only staff release it
        await _gateway.Factory.Service<LockerHealthService>().EvaluateAllAsync();
        var alarm = Assert.Single(await OpenAlarmsAsync(), a => a.Kind == AlarmKinds.UnlockAnomaly);
        Assert.Equal(("test-a", AlarmSeverity.Critical), (alarm.LockerId, alarm.Severity));
        AlarmDetailReading.AssertReadsInJapaneseAndChinese(alarm.Detail);

        // Staff reading Japanese get the guard's hold, and the refusals about it, in Japanese.
        var holds = _gateway.Factory.Service<UnlockHoldService>();
        var ja = DashboardTexts.Resources.For(Languages.Japanese, Languages.FormatCulture(Languages.Japanese, null));
        var stored = Assert.Single(await holds.ListAsync());
        var counted = System.Text.RegularExpressions.Regex.Match(stored.Reason, @"^about (\d+) unlocks in the last minute, over the ceiling of 2 ");
        Assert.True(counted.Success && int.Parse(counted.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > 2,
            $"the reason counts the refused unlock, over the ceiling: {stored.Reason}");
        var shown = HoldView.From(stored, ja);
        Assert.StartsWith("直近1分間の解錠が約", shown.Reason);
        var again = await holds.HoldAsync(GatewayFixture.SiteId, "hold it again", "alice", texts: ja);
        Assert.Equal((false, ja.Text("Problem.AlreadyHeld", ja.Text("Holds.PlaceSite", GatewayFixture.SiteId))), (again.Done, again.Problem));
        var open = await _gateway.Factory.Service<RemoteOpenService>().OpenAsync(new CompartmentRef("test-a", 1), "stuck parcel", "alice", texts: ja);
        Assert.False(open.Done);
        Assert.Equal(ja.Text("Problem.UnlocksHeldByGuard", ja.Text("Holds.PlaceSite", GatewayFixture.SiteId), shown.Reason), open.Problem);
        Assert.Equal(ja.Text("Problem.NothingHeld", "fleet"), (await holds.ReleaseAsync(HoldScopes.Fleet, "nothing there", "alice", texts: ja)).Problem);

        var released = await holds.ReleaseAsync(HoldScopes.Site(GatewayFixture.SiteId), "checked the cameras", "alice");
        Assert.True(released.Done);
        Assert.Equal(CodeCheckOutcome.Accepted, (await _locker.EnterAsync(third.DropoffCode)).Outcome);
        await _gateway.Factory.Service<LockerHealthService>().EvaluateAllAsync();
        // The condition ended with the release; a critical alarm then waits for someone to acknowledge it (ADR 0306).
        Assert.Equal("condition_ended", Assert.Single(await OpenAlarmsAsync(), a => a.Kind == AlarmKinds.UnlockAnomaly).State);
        var audit = await _gateway.Factory.Service<ILockerStore>().ExecuteAsync(tx => tx.Audit.ListRecentAsync(50));
        Assert.Contains(audit, e => e.Action == AuditActions.UnlocksHeld && e.Actor == "guard");
        Assert.Contains(audit, e => e.Action == AuditActions.UnlocksReleased && e.Actor == "staff:alice");
    }

    [Fact]
    public async Task Release_StartsTheSitesCountAfresh_SoTheNextUnlockWithinTheSameMinuteIsAdmitted()
    {
        await StartAsync(site: 2);
        var first = await _http.BookAsync();
        var second = await _http.BookAsync(ReservationRequests.Booking(parcel: "PARCEL-2"));
        var third = await _http.BookAsync(ReservationRequests.Booking(parcel: "PARCEL-3"));
        await _locker.EnterAsync(first.DropoffCode);
        await _locker.EnterAsync(second.DropoffCode);
        Assert.Equal(CodeCheckOutcome.Held, (await _locker.EnterAsync(third.DropoffCode)).Outcome);

        // Released at once (staff on the phone with the courier): the two unlocks before the hold do not trip it again.
        Assert.True((await _gateway.Factory.Service<UnlockHoldService>().ReleaseAsync(HoldScopes.Site(GatewayFixture.SiteId), "a courier round", "alice")).Done);

        Assert.Equal(CodeCheckOutcome.Accepted, (await _locker.EnterAsync(third.DropoffCode)).Outcome);
        Assert.Empty(await _gateway.Factory.Service<ILockerStore>().ExecuteAsync(tx => tx.Guard.ListHoldsAsync()));
    }

    [Fact]
    public async Task FleetCeiling_TheUnlockOverIt_HoldsTheWholeFleet()
    {
        await StartAsync(fleet: 1);
        var first = await _http.BookAsync();
        var second = await _http.BookAsync(ReservationRequests.Booking(parcel: "PARCEL-2"));
        Assert.Equal(CodeCheckOutcome.Accepted, (await _locker.EnterAsync(first.DropoffCode)).Outcome);

        var over = await _locker.EnterAsync(second.DropoffCode);

        Assert.Equal(CodeCheckOutcome.Held, over.Outcome);
        Assert.True(over.UnlockHold!.IsFleet);
    }

    [Fact]
    public async Task CountsSlideWithTheMinute_SoSteadyUseUnderTheCeilingIsNeverHeld()
    {
        await StartAsync(site: 3);
        for (var i = 0; i < 5; i++) // the test site's five compartments, one unlock every 31 s across three minutes
        {
            var booked = await _http.BookAsync(ReservationRequests.Booking(parcel: $"P-{i}"));
            Assert.Equal(CodeCheckOutcome.Accepted, (await _locker.EnterAsync(booked.DropoffCode)).Outcome);
            _gateway.Time.Advance(TimeSpan.FromSeconds(31));
        }
    }

    [Fact]
    public async Task StaffHoldOfTheSite_CodesAreNotChecked_AndRemoteOpensAreRefused_UntilReleased()
    {
        await StartAsync();
        var booked = await _http.BookAsync();
        var holds = _gateway.Factory.Service<UnlockHoldService>();

        var held = await holds.HoldAsync(GatewayFixture.SiteId, "suspicious activity on camera 3", "bob");
        var entry = await _locker.EnterAsync(booked.DropoffCode);
        var wrong = await _locker.EnterAsync("999999");
        var open = await _gateway.Factory.Service<RemoteOpenService>().OpenAsync(new CompartmentRef("test-a", 1), "let the courier in", "bob");
        var again = await holds.HoldAsync(null, "the whole fleet too", "bob");

        Assert.True(held.Done);
        Assert.Equal((CodeCheckOutcome.Held, CodeCheckOutcome.Held), (entry.Outcome, wrong.Outcome)); // not checked, so not counted
        Assert.Equal(409, open.Status);
        Assert.Contains("held at site test-site", open.Problem);
        Assert.True(again.Done); // the fleet is another scope
        Assert.Equal(409, (await holds.HoldAsync(GatewayFixture.SiteId, "twice", "bob")).Status);

        await holds.ReleaseAsync(HoldScopes.Site(GatewayFixture.SiteId), "all clear", "alice");
        await holds.ReleaseAsync(HoldScopes.Fleet, "all clear", "alice");
        Assert.Equal(CodeCheckOutcome.Accepted, (await _locker.EnterAsync(booked.DropoffCode)).Outcome);
        var audit = await _gateway.Factory.Service<ILockerStore>().ExecuteAsync(tx => tx.Audit.ListRecentAsync(50));
        Assert.Contains(audit, e => e.Action == AuditActions.UnlocksHeld && e.Actor == "staff:bob" && e.Detail!.Contains("camera 3"));
        Assert.Equal(2, audit.Count(e => e.Action == AuditActions.CodeHeld));
        Assert.DoesNotContain(audit, e => e.Action == AuditActions.CodeRejected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  x ")]
    public async Task Hold_WithoutAReason_IsRefused(string reason)
    {
        await StartAsync();

        var outcome = await _gateway.Factory.Service<UnlockHoldService>().HoldAsync(null, reason, "bob");

        Assert.Equal(400, outcome.Status);
    }
}
