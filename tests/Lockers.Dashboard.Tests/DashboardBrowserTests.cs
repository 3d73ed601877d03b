using Lockers.Core.Protocol;
using Lockers.Dashboard.Tests.Support;
using Lockers.Gateway.Store;
using Lockers.Testing;
using Microsoft.Playwright;

namespace Lockers.Dashboard.Tests;

/// <summary>
/// The maintenance dashboard in headless Chromium against the real system: the gateway on Kestrel with its locker link,
/// Mosquitto, and a simulated locker running the firmware core, whose doors the tests open, force and close.
/// </summary>
public sealed class DashboardBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const string Locker = DashboardGateway.LockerId;

    private static ILocator Compartment(BrowserPage tab, int number, string? door = null) =>
        tab.Page.Locator(door is null ? $"[data-compartment='{number}']" : $"[data-compartment='{number}'][data-door='{door}']");

    [Fact]
    public async Task SignIn_RightPassword_ShowsTheFleet_WrongPasswordShowsAnError()
    {
        await using var gateway = await DashboardGateway.StartAsync();
        await using var tab = await chromium.NewPageAsync(gateway.BaseUrl);

        await tab.SubmitSignInAsync("mia", "not the password");
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Wrong user name or password");
        await tab.ScreenshotAsync("sign-in-refused");

        await tab.Page.GetByLabel("Password").FillAsync(DashboardGateway.Password);
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await tab.WaitForFleetPageAsync();
        await Assertions.Expect(tab.Page.Locator($"tr[data-locker='{Locker}']")).ToContainTextAsync("online");
        await Assertions.Expect(tab.Page.Locator("#user")).ToContainTextAsync("mia (maintenance)");
        await tab.ScreenshotAsync("fleet");
        tab.AssertNoScriptErrors();
    }

    [Fact]
    public async Task DoorOpenedOnSimulatedLocker_AppearsOnThePage_WithoutReload()
    {
        await using var gateway = await DashboardGateway.StartAsync();
        var booked = await gateway.BookParcelAsync("S");
        var door = booked.Reservation.Compartment!.Value;
        await using var tab = await chromium.NewPageAsync(gateway.BaseUrl);
        await tab.SignInAsync("mia");
        await tab.OpenLockerAsync(Locker);
        await tab.Page.EvaluateAsync("() => { window.notReloaded = true; }");
        await Assertions.Expect(Compartment(tab, door)).ToHaveAttributeAsync("data-door", "unknown");

        // A courier types the drop-off code at the locker: the gateway answers with a signed unlock and the door springs open.
        gateway.Locker.Type(booked.DropoffCode + "#");

        await Assertions.Expect(Compartment(tab, door, DoorStates.Opened)).ToBeVisibleAsync();
        await Assertions.Expect(Compartment(tab, door)).ToHaveAccessibleNameAsync(new System.Text.RegularExpressions.Regex("door open"));
        Assert.True(gateway.Locker.Cabinet[door].IsOpen);
        await tab.ScreenshotAsync("door-opened-live");

        gateway.Locker.Close(door);

        await Assertions.Expect(Compartment(tab, door, DoorStates.Closed)).ToBeVisibleAsync();
        Assert.True(await tab.Page.EvaluateAsync<bool>("() => window.notReloaded === true"));
        tab.AssertNoScriptErrors();
    }

    [Fact]
    public async Task ForcedDoor_RaisesAlarm_AcknowledgedInThePage()
    {
        await using var gateway = await DashboardGateway.StartAsync();
        await using var tab = await chromium.NewPageAsync(gateway.BaseUrl);
        await tab.SignInAsync("mia");
        await tab.OpenLockerAsync(Locker);

        gateway.Locker.Force(5);

        var alarm = tab.Page.Locator("li.alarm[data-kind='door_forced']");
        await Assertions.Expect(alarm).ToHaveAttributeAsync("data-state", "raised");
        await Assertions.Expect(Compartment(tab, 5, DoorStates.Forced)).ToBeVisibleAsync();
        await tab.ScreenshotAsync("door-forced-alarm");

        await alarm.GetByRole(AriaRole.Button, new() { NameRegex = new("^Acknowledge") }).ClickAsync();

        await Assertions.Expect(alarm).ToHaveAttributeAsync("data-state", "acknowledged");
        await Assertions.Expect(alarm).ToContainTextAsync("acknowledged by mia");
        var stored = await gateway.Service<ILockerStore>().ExecuteAsync(tx => tx.Monitoring.ListAlarmsAsync(Locker, true, 10));
        Assert.Equal(("door_forced", "mia"), (Assert.Single(stored).Kind, stored[0].AcknowledgedBy));
        Assert.Equal(0, gateway.Locker.Cabinet[5].PulseCount);
        await tab.ScreenshotAsync("door-forced-acknowledged");
        tab.AssertNoScriptErrors();
    }

    [Fact]
    public async Task RemoteOpen_FromThePage_OpensTheSimulatedDoor()
    {
        await using var gateway = await DashboardGateway.StartAsync();
        await using var tab = await chromium.NewPageAsync(gateway.BaseUrl);
        await tab.SignInAsync("mia");
        await tab.OpenLockerAsync(Locker);
        Assert.False(gateway.Locker.Cabinet[2].IsOpen);

        await Compartment(tab, 2).ClickAsync();
        await tab.Page.GetByLabel("Reason for opening").FillAsync("parcel reported stuck");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Open door" }).ClickAsync();
        await tab.ConfirmAsync("Open door 2", expect: "audited with your reason");

        // The signed unlock went over the broker to the locker, whose firmware pulsed the solenoid and reported the door.
        await gateway.WaitForDoorAsync(2, open: true);
        await Assertions.Expect(Compartment(tab, 2, DoorStates.Opened)).ToBeVisibleAsync();
        Assert.Equal(1, gateway.Locker.Cabinet[2].PulseCount);
        var command = Assert.Single(await gateway.CommandsAsync(Locker));
        Assert.Equal((CommandActions.Unlock, 2), (command.Action, command.Compartment));
        await Wait.UntilAsync(async () => await gateway.CommandsAsync(Locker) is [{ Result: CommandResults.Ok }],
            DashboardGateway.Timeout, "the locker's cmd/result for the unlock to be recorded");
        // Where the action was taken: the locker's answer, not just "sent".
        await Assertions.Expect(tab.Page.Locator("#open-result")).ToHaveTextAsync("The locker opened door 2.");
        // The audit trail in staff's words: who asked, and the door's opening put down to that remote open.
        var asked = tab.Page.Locator("#audit tr", new() { HasText = "Remote open of door 2 asked (parcel reported stuck)" });
        await Assertions.Expect(asked).ToContainTextAsync("mia (staff)");
        await Assertions.Expect(tab.Page.Locator("#audit tr", new() { HasText = "Door 2 opened on the remote open asked by mia" })).ToHaveCountAsync(1);
        await Assertions.Expect(tab.Page.Locator("#audit tr", new() { HasText = "no code or command" })).ToHaveCountAsync(0);
        // The page redraws after the action and after each live update: the door must still show opened for the screenshot.
        await Assertions.Expect(Compartment(tab, 2, DoorStates.Opened)).ToBeVisibleAsync();
        await tab.ScreenshotAsync("remote-open");

        gateway.Locker.Close(2);

        await Assertions.Expect(Compartment(tab, 2, DoorStates.Closed)).ToBeVisibleAsync();
        tab.AssertNoScriptErrors();
    }

    [Fact]
    public async Task Viewer_CannotOpenDoors_NorCanARequestWithoutTheAntiforgeryToken()
    {
        await using var gateway = await DashboardGateway.StartAsync();
        await using var viewer = await chromium.NewPageAsync(gateway.BaseUrl);
        await viewer.SignInAsync("vic");
        await viewer.OpenLockerAsync(Locker);

        await Compartment(viewer, 2).ClickAsync();
        await Assertions.Expect(viewer.Page.GetByRole(AriaRole.Button, new() { Name = "Open door" })).ToBeHiddenAsync();
        await Assertions.Expect(viewer.Page.Locator("#panel-message")).ToContainTextAsync("can look but not change");
        await viewer.ScreenshotAsync("viewer-locker");
        // Past the hidden button: the API itself refuses the viewer, token or not.
        Assert.Equal(403, await PostOpenAsync(viewer, withToken: true));

        await using var maintenance = await chromium.NewPageAsync(gateway.BaseUrl);
        await maintenance.SignInAsync("mia");
        await maintenance.OpenLockerAsync(Locker);
        Assert.Equal(400, await PostOpenAsync(maintenance, withToken: false));

        // Refused before anything was signed: no command on record, none reached the locker.
        Assert.Empty(await gateway.CommandsAsync(Locker));
        Assert.Equal((false, 0), (gateway.Locker.Cabinet[2].IsOpen, gateway.Locker.Cabinet[2].PulseCount));
        viewer.AssertNoScriptErrors();
    }

    [Fact]
    public async Task LockerPage_OnPhoneScreen_FitsTheWidth_AndWorksWithTheKeyboard()
    {
        await using var gateway = await DashboardGateway.StartAsync();
        await using var tab = await chromium.NewPageAsync(gateway.BaseUrl, width: 390, height: 844);
        await tab.SignInAsync("mia");
        await tab.OpenLockerAsync(Locker);

        Assert.True(await tab.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await Compartment(tab, 4).FocusAsync();
        await tab.Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(tab.Page.Locator("#panel-title")).ToBeFocusedAsync();
        await Assertions.Expect(tab.Page.Locator("#panel-title")).ToHaveTextAsync("Compartment 4");
        await Assertions.Expect(Compartment(tab, 4)).ToHaveAttributeAsync("aria-pressed", "true");
        await tab.ScreenshotAsync("locker-phone-keyboard");
        tab.AssertNoScriptErrors();
    }

    /// <summary>Sends the open request from inside the page (same cookies), with or without the session's token.</summary>
    private static Task<int> PostOpenAsync(BrowserPage tab, bool withToken) => tab.Page.EvaluateAsync<int>("""
        async (withToken) => {
          const session = await (await fetch('/dashboard/api/session')).json();
          const headers = { 'Content-Type': 'application/json' };
          if (withToken) headers['X-CSRF-TOKEN'] = session.csrfToken;
          const response = await fetch('/dashboard/api/lockers/dash-a/compartments/2/open',
            { method: 'POST', headers, body: JSON.stringify({ reason: 'should not open' }) });
          return response.status;
        }
        """, withToken);
}
