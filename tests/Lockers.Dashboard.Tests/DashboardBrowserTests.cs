using Lockers.Core.Protocol;
using Lockers.Dashboard.Tests.Support;
using Lockers.Gateway.Monitoring;
using Lockers.Gateway.Store;
using Microsoft.Playwright;

namespace Lockers.Dashboard.Tests;

/// <summary>The maintenance dashboard in headless Chromium against the real gateway on Kestrel.</summary>
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
        await tab.Page.WaitForURLAsync("**/dashboard/index.html");
        await Assertions.Expect(tab.Page.Locator($"tr[data-locker='{Locker}']")).ToContainTextAsync("online");
        await Assertions.Expect(tab.Page.Locator("#user")).ToContainTextAsync("mia (maintenance)");
        await tab.ScreenshotAsync("fleet");
        tab.AssertNoScriptErrors();
    }

    [Fact]
    public async Task DoorOpenedOnSimulatedLocker_AppearsOnThePage_WithoutReload()
    {
        await using var gateway = await DashboardGateway.StartAsync();
        await using var tab = await chromium.NewPageAsync(gateway.BaseUrl);
        await tab.SignInAsync("mia");
        await tab.OpenLockerAsync(Locker);
        await tab.Page.EvaluateAsync("() => { window.notReloaded = true; }");
        await Assertions.Expect(Compartment(tab, 3)).ToHaveAttributeAsync("data-door", "unknown");

        await gateway.Link.ReportDoorAsync(Locker, 3, DoorStates.Opened);

        await Assertions.Expect(Compartment(tab, 3, DoorStates.Opened)).ToBeVisibleAsync();
        await Assertions.Expect(Compartment(tab, 3)).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("door opened"));
        Assert.True(await tab.Page.EvaluateAsync<bool>("() => window.notReloaded === true"));
        await tab.ScreenshotAsync("door-opened-live");
        tab.AssertNoScriptErrors();
    }

    [Fact]
    public async Task ForcedDoor_RaisesAlarm_AcknowledgedInThePage()
    {
        await using var gateway = await DashboardGateway.StartAsync();
        await using var tab = await chromium.NewPageAsync(gateway.BaseUrl);
        await tab.SignInAsync("mia");
        await tab.OpenLockerAsync(Locker);

        await gateway.Link.ReportDoorAsync(Locker, 5, DoorStates.Forced);

        var alarm = tab.Page.Locator("li.alarm[data-kind='door_forced']");
        await Assertions.Expect(alarm).ToHaveAttributeAsync("data-state", "raised");
        await Assertions.Expect(Compartment(tab, 5, DoorStates.Forced)).ToBeVisibleAsync();
        await tab.ScreenshotAsync("door-forced-alarm");

        await alarm.GetByRole(AriaRole.Button, new() { NameRegex = new("^Acknowledge") }).ClickAsync();

        await Assertions.Expect(alarm).ToHaveAttributeAsync("data-state", "acknowledged");
        await Assertions.Expect(alarm).ToContainTextAsync("acknowledged by mia");
        var stored = await gateway.Service<ILockerStore>().ExecuteAsync(tx => tx.Monitoring.ListAlarmsAsync(Locker, true, 10));
        Assert.Equal(("door_forced", "mia"), (Assert.Single(stored).Kind, stored[0].AcknowledgedBy));
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

        await Compartment(tab, 2).ClickAsync();
        await tab.Page.GetByLabel("Reason for opening").FillAsync("parcel reported stuck");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Open door" }).ClickAsync();

        await Assertions.Expect(Compartment(tab, 2, DoorStates.Opened)).ToBeVisibleAsync();
        Assert.Equal(DoorStates.Opened, gateway.Link.DoorState(Locker, 2));
        Assert.Equal((CommandActions.Unlock, 2, "staff:mia"), Assert.Single(gateway.Link.Commands) is var c ? (c.Action, c.Compartment, c.Actor) : default);
        await Assertions.Expect(tab.Page.Locator("#audit")).ToContainTextAsync("reason: parcel reported stuck");
        await tab.ScreenshotAsync("remote-open");
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

        Assert.Empty(gateway.Link.Commands);
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
        await tab.ScreenshotAsync("locker-phone");
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
