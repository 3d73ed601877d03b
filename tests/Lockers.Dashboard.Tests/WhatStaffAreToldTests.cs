using System.Text.RegularExpressions;
using Lockers.Core.Board;
using Lockers.Core.Protocol;
using Lockers.Dashboard.Tests.Support;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Reservations;
using Lockers.Gateway.Store;
using Lockers.Testing;
using Microsoft.Playwright;

namespace Lockers.Dashboard.Tests;

/// <summary>
/// Issue 14 in the browser, against the real system (gateway on Kestrel, Mosquitto, a simulated locker): pages stay true
/// after a restart, risky actions ask first and answer where they were taken, a parcel move is guided through both doors,
/// parcels can be found, alarms that matter stay until seen, keyboard focus survives live redraws.
/// </summary>
public sealed class WhatStaffAreToldTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const string Locker = DashboardGateway.LockerId;

    private static ILocator Compartment(BrowserPage tab, int number, string? door = null) =>
        tab.Page.Locator(door is null ? $"[data-compartment='{number}']" : $"[data-compartment='{number}'][data-door='{door}']");

    [Fact]
    public async Task LockerPage_AcrossAGatewayRestart_ReloadsItsStateOnReconnect_AndShowsTheAlarmRaisedMeanwhile()
    {
        await using var gateway = await DashboardGateway.StartAsync();
        await using var tab = await chromium.NewPageAsync(gateway.BaseUrl);
        await tab.SignInAsync("mia");
        await tab.OpenLockerAsync(Locker);
        await Assertions.Expect(tab.Page.Locator("li.alarm")).ToHaveCountAsync(0);

        // The page cannot reconnect until the restarted gateway has raised the alarm: only a reload can show it.
        await tab.Page.RouteAsync("**/dashboard/api/events**", route => route.AbortAsync());
        await gateway.RestartAsync(() =>
        {
            gateway.Locker.Force(6); // the event waits in the broker for the gateway's session
            return Task.CompletedTask;
        });
        await Wait.UntilAsync(async () => (await gateway.Service<ILockerStore>().ReadAsync(tx => tx.Monitoring.ListAlarmsAsync(Locker, true, 10)))
            .Any(a => a.Kind == "door_forced"), DashboardGateway.Timeout, "the restarted gateway to raise the door_forced alarm");
        await Assertions.Expect(tab.Page.Locator("#live")).Not.ToHaveAttributeAsync("data-state", "connected");
        await tab.Page.UnrouteAsync("**/dashboard/api/events**");

        await Assertions.Expect(tab.Page.Locator("#live[data-state='connected']")).ToBeVisibleAsync();
        await Assertions.Expect(tab.Page.Locator("li.alarm[data-kind='door_forced']")).ToBeVisibleAsync();
        await Assertions.Expect(Compartment(tab, 6, DoorStates.Forced)).ToBeVisibleAsync();
        tab.AssertNoScriptErrors();
    }

    [Fact]
    public async Task MoveParcel_AsksFirst_ThenGuidesThroughBothDoors_AndTheCodeFollowsOnlyWhenTheNewDoorClosed()
    {
        await using var gateway = await DashboardGateway.StartAsync();
        var parcel = await gateway.DepositParcelAsync("S", "DASH-MOVE");
        var from = parcel.Reservation.Compartment!.Value;
        await using var tab = await chromium.NewPageAsync(gateway.BaseUrl);
        await tab.SignInAsync("mia");
        await tab.OpenLockerAsync(Locker);
        await Compartment(tab, from).ClickAsync();
        var to = int.Parse(await tab.Page.Locator("#move-target option").First.GetAttributeAsync("value") ?? "0");

        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Move parcel" }).ClickAsync();
        await tab.ConfirmAsync("Start the move", expect: $"Door {from} opens now: take the parcel out.");

        // Step 1: the parcel's own door opens (signed unlock, staff override); nothing has moved yet.
        await gateway.WaitForDoorAsync(from, open: true);
        var progress = tab.Page.Locator("#move-progress");
        // Step 2: that door opened, so the gateway opens the new one.
        await gateway.WaitForDoorAsync(to, open: true);
        await Assertions.Expect(progress.Locator("li[aria-current='step']")).ToHaveTextAsync(new Regex("Put the parcel in"));
        await tab.ScreenshotAsync("move-guided-desktop");
        Assert.Equal(from, (await ReservationAsync(gateway, parcel.Reservation.Id)).Compartment!.Value.Number);
        gateway.Locker.Close(from);

        gateway.Locker.Close(to);

        await Wait.UntilAsync(async () => (await ReservationAsync(gateway, parcel.Reservation.Id)).Compartment!.Value.Number == to,
            DashboardGateway.Timeout, "the parcel to be moved once the new door closed");
        await Assertions.Expect(Compartment(tab, to)).ToHaveAttributeAsync("data-occupancy", "parcel");
        await Assertions.Expect(Compartment(tab, from)).ToHaveAttributeAsync("data-occupancy", "empty");
        await Assertions.Expect(tab.Page.Locator("#audit tr", new() { HasText = "the recipient's codes now open the new door" })).ToHaveCountAsync(1);
        tab.AssertNoScriptErrors();
    }

    [Fact]
    public async Task WholeLockerOutOfService_ConfirmationCountsTheParcelsInside_AndTheResultIsShownBesideTheButton()
    {
        await using var gateway = await DashboardGateway.StartAsync();
        await gateway.DepositParcelAsync("S", "DASH-IN-1");
        await gateway.DepositParcelAsync("S", "DASH-IN-2");
        await using var tab = await chromium.NewPageAsync(gateway.BaseUrl);
        await tab.SignInAsync("mia");
        await tab.OpenLockerAsync(Locker);

        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Take every compartment out of service" }).ClickAsync();
        var dialog = tab.Page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("2 parcels inside (DASH-IN-1, DASH-IN-2)");
        await tab.ScreenshotAsync("confirm-locker-out-of-service-desktop");
        // Cancel changes nothing.
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        Assert.All(await CompartmentsAsync(gateway), c => Assert.True(c.InService));

        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Take every compartment out of service" }).ClickAsync();
        await tab.ConfirmAsync("Take out of service");

        var result = tab.Page.Locator("#whole-locker #locker-result");
        await Assertions.Expect(result).ToContainTextAsync("2 parcels inside (DASH-IN-1, DASH-IN-2): the pickup window is paused");
        await Assertions.Expect(result).ToBeVisibleAsync();
        Assert.All(await CompartmentsAsync(gateway), c => Assert.False(c.InService));
        tab.AssertNoScriptErrors();
    }

    [Fact]
    public async Task ParcelReference_IsFoundBySearch_AndItsCompartmentShowsReferenceStatusDeadlineAndSize()
    {
        await using var gateway = await DashboardGateway.StartAsync();
        var parcel = await gateway.DepositParcelAsync("M", "DEMO-0003");
        await using var tab = await chromium.NewPageAsync(gateway.BaseUrl);
        await tab.SignInAsync("mia");

        await tab.Page.GetByLabel("Search sites, lockers and parcels").FillAsync("demo-0003");

        var found = tab.Page.Locator($"#parcels li[data-reservation='{parcel.Reservation.Id}'] a");
        await Assertions.Expect(found).ToContainTextAsync($"DEMO-0003: Station A, door {parcel.Reservation.Compartment}");
        await Assertions.Expect(tab.Page.Locator("#empty")).ToBeHiddenAsync();
        await tab.ScreenshotAsync("fleet-search-parcel-desktop");
        await tab.Page.GetByLabel("Search sites, lockers and parcels").FillAsync(parcel.Reservation.Id);
        await Assertions.Expect(found).ToHaveCountAsync(1);

        await found.ClickAsync();

        await tab.Page.Locator("body[data-ready='true']").WaitForAsync();
        var facts = tab.Page.Locator("#panel-facts");
        await Assertions.Expect(facts).ToContainTextAsync("DEMO-0003");
        await Assertions.Expect(facts).ToContainTextAsync("ready for pickup");
        await Assertions.Expect(facts).ToContainTextAsync("Pickup deadline");
        await Assertions.Expect(facts).ToContainTextAsync("Parcel sizeM");
        tab.AssertNoScriptErrors();
    }

    [Fact]
    public async Task Acknowledge_AndLiveRedraws_KeepKeyboardFocusOnTheAlarm_NeverOnTheBody()
    {
        await using var gateway = await DashboardGateway.StartAsync();
        await using var tab = await chromium.NewPageAsync(gateway.BaseUrl);
        await tab.SignInAsync("mia");
        await tab.OpenLockerAsync(Locker);
        gateway.Locker.Force(5);
        await Assertions.Expect(tab.Page.Locator("li.alarm[data-kind='door_forced']")).ToHaveCountAsync(1);
        var id = await tab.Page.Locator("li.alarm[data-kind='door_forced']").GetAttributeAsync("data-alarm-id");
        var alarm = tab.Page.Locator($"li.alarm[data-alarm-id='{id}']");
        var acknowledge = alarm.GetByRole(AriaRole.Button, new() { NameRegex = new("^Acknowledge") });
        await acknowledge.FocusAsync();

        // A live event redraws the alarm list (another door forced): focus stays on the same button.
        gateway.Locker.Force(6);
        await Assertions.Expect(tab.Page.Locator("li.alarm[data-kind='door_forced']")).ToHaveCountAsync(2);
        await Assertions.Expect(acknowledge).ToBeFocusedAsync();
        await tab.ScreenshotAsync("focus-kept-desktop");

        await tab.Page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(alarm).ToHaveAttributeAsync("data-state", "acknowledged");
        await Assertions.Expect(alarm).ToBeFocusedAsync();
        Assert.False(await tab.Page.EvaluateAsync<bool>("() => document.activeElement === document.body"));
        tab.AssertNoScriptErrors();
    }

    [Fact]
    public async Task ForcedDoorClosedAgain_AlarmStaysUntilAcknowledged_AndLooksDifferentOnceAcknowledged()
    {
        await using var gateway = await DashboardGateway.StartAsync();
        await using var tab = await chromium.NewPageAsync(gateway.BaseUrl);
        await tab.SignInAsync("mia");
        await tab.OpenLockerAsync(Locker);
        gateway.Locker.Force(4);
        var alarm = tab.Page.Locator("li.alarm[data-kind='door_forced']");
        await Assertions.Expect(alarm).ToHaveAttributeAsync("data-state", "raised");

        gateway.Locker.Close(4);

        await Assertions.Expect(alarm).ToHaveAttributeAsync("data-state", "condition_ended");
        await Assertions.Expect(alarm).ToContainTextAsync("needs acknowledgement");
        var raisedEdge = await alarm.EvaluateAsync<string>("e => getComputedStyle(e).borderTopStyle + ' ' + getComputedStyle(e).borderTopWidth");
        await alarm.GetByRole(AriaRole.Button, new() { NameRegex = new("^Acknowledge") }).ClickAsync();
        await Assertions.Expect(alarm).ToHaveAttributeAsync("data-state", "cleared");
        Assert.NotEqual(raisedEdge, await alarm.EvaluateAsync<string>("e => getComputedStyle(e).borderTopStyle + ' ' + getComputedStyle(e).borderTopWidth"));
        tab.AssertNoScriptErrors();
    }

    [Fact]
    public async Task LockerPage_ShowsTimesWithTheirAge_FreeMemoryInKilobytes_AndUnknownDoorsUnlikeClosedOnes()
    {
        await using var gateway = await DashboardGateway.StartAsync();
        // A door added to the site after the locker last started: nobody has reported it yet (every other door was stated
        // by the locker's boot event).
        var site = DashboardGateway.Site;
        await gateway.Service<RegistryService>().ImportAsync(site with
        {
            Compartments = [.. site.Compartments, new Compartment(DashboardGateway.LockerId, 7, CompartmentSize.S, 2, 0, Accessible: false)],
        }, "test");
        await using var tab = await chromium.NewPageAsync(gateway.BaseUrl);
        await tab.SignInAsync("mia");
        await tab.OpenLockerAsync(Locker);

        await Assertions.Expect(tab.Page.Locator("#last-contact time")).ToHaveTextAsync(new Regex(@"(ago|now)\)$"));
        await Assertions.Expect(tab.Page.Locator("#telemetry")).ToContainTextAsync(new Regex(@"Free memory\s*[0-9.,]+ (kB|MB)"));
        await Assertions.Expect(Compartment(tab, 7)).ToHaveAttributeAsync("data-door", "unknown");
        await Assertions.Expect(Compartment(tab, 7)).ToHaveClassAsync(new Regex("door-unknown"));
        await Assertions.Expect(Compartment(tab, 7)).ToHaveAccessibleNameAsync(new Regex("door not reported yet"));
        await Assertions.Expect(Compartment(tab, 1)).ToHaveAttributeAsync("data-door", "closed");
        await Assertions.Expect(Compartment(tab, 1)).Not.ToHaveClassAsync(new Regex("door-unknown"));
        tab.AssertNoScriptErrors();
    }

    [Fact]
    public async Task Legend_InForcedColours_GivesEachDoorStateItsOwnEdge()
    {
        await using var gateway = await DashboardGateway.StartAsync();
        await using var tab = await chromium.NewPageAsync(gateway.BaseUrl);
        await tab.SignInAsync("mia");
        await tab.OpenLockerAsync(Locker);
        await tab.Page.EmulateMediaAsync(new() { ForcedColors = ForcedColors.Active });

        var edges = await tab.Page.Locator(".legend .swatch").EvaluateAllAsync<string[]>(
            "swatches => swatches.map(s => getComputedStyle(s).borderTopStyle + '/' + getComputedStyle(s).borderTopWidth + '/' + s.textContent)");

        Assert.Equal(edges.Length, edges.Distinct().Count());
        await tab.ScreenshotAsync("locker-forced-colours-desktop");
    }

    private static async Task<Reservation> ReservationAsync(DashboardGateway gateway, string id) =>
        (await gateway.Service<ILockerStore>().ReadAsync(tx => tx.Reservations.GetAsync(id)))!;

    private static Task<IReadOnlyList<Lockers.Gateway.Registry.Compartment>> CompartmentsAsync(DashboardGateway gateway) =>
        gateway.Service<ILockerStore>().ReadAsync(tx => tx.Registry.ListCompartmentsAsync(DashboardGateway.SiteId));
}
