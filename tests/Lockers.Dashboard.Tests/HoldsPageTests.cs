using Lockers.Dashboard.Tests.Support;
using Lockers.Gateway.Audit;
using Lockers.Gateway.Dashboard;
using Lockers.Gateway.Guard;
using Lockers.Gateway.Staff;
using Lockers.Gateway.Store;
using Microsoft.Playwright;

namespace Lockers.Dashboard.Tests;

/// <summary>
/// The unlock holds page (ADR 0303) in Chromium against the real gateway: maintenance holds a site after a confirmation that
/// says the consequence, a missing reason is told without asking; an admin releases by keyboard alone; the page passes
/// axe-core at desktop and phone width; the API refuses a hold to viewers and a release to maintenance.
/// </summary>
public sealed class HoldsPageTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const string Admin = "ada";

    [Theory]
    [MemberData(nameof(AccessibilityTests.Widths), MemberType = typeof(AccessibilityTests))]
    public async Task Maintenance_HoldsTheSiteAfterConfirming_AndSeesTheReleaseLive(string name, int width, int height)
    {
        await using var gateway = await DashboardGateway.StartAsync();
        await using var tab = await chromium.NewPageAsync(gateway.BaseUrl, width, height);
        await tab.SignInAsync("mia");

        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "Unlock holds" }).ClickAsync();
        await tab.Page.Locator("body[data-ready='true']").WaitForAsync();
        await Assertions.Expect(tab.Page.Locator("#holds")).ToContainTextAsync("Nothing is held.");
        await tab.Page.GetByLabel("Where").SelectOptionAsync(DashboardGateway.SiteId);

        // No reason: told beside the button, no confirmation, nothing held.
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Hold unlocks" }).ClickAsync();
        await Assertions.Expect(tab.Page.Locator("#hold-result")).ToContainTextAsync("Give a reason");
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await Assertions.Expect(tab.Page.GetByLabel("Reason (recorded in the audit log)")).ToBeFocusedAsync();
        Assert.Empty(await gateway.Service<UnlockHoldService>().ListAsync());

        await tab.Page.GetByLabel("Reason (recorded in the audit log)").FillAsync("camera 2 shows someone at the doors");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Hold unlocks" }).ClickAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(tab.Page, $"holds, confirmation ({name})");
        await tab.ConfirmAsync("Hold unlocks", "No code will be answered");

        var held = tab.Page.Locator($"li[data-scope='site:{DashboardGateway.SiteId}']");
        await Assertions.Expect(held).ToContainTextAsync("camera 2 shows someone at the doors");
        await Assertions.Expect(held).ToContainTextAsync("held by mia since");
        await Assertions.Expect(held.Locator("p.meta time[datetime]")).ToHaveCountAsync(1); // the time, not "[object HTMLTimeElement]"
        await Assertions.Expect(held).Not.ToContainTextAsync("[object");
        await Assertions.Expect(tab.Page.Locator("#hold-result")).ToContainTextAsync($"Unlocks held at site {DashboardGateway.SiteId}.");
        var hold = Assert.Single(await gateway.Service<UnlockHoldService>().ListAsync());
        Assert.Equal((HoldScopes.Site(DashboardGateway.SiteId), UnlockHoldKind.Staff), (hold.Scope, hold.Kind));
        await Axe.AssertNoSeriousViolationsAsync(tab.Page, $"holds ({name})");
        Assert.True(await tab.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            $"the holds page scrolls sideways at {width} px");
        await tab.ScreenshotAsync($"holds-{name}");
        await Assertions.Expect(held.GetByRole(AriaRole.Button)).ToHaveCountAsync(0); // only an admin releases

        await gateway.Service<UnlockHoldService>().ReleaseAsync(HoldScopes.Site(DashboardGateway.SiteId), "site checked", "an-admin");
        await Assertions.Expect(tab.Page.Locator("#holds")).ToContainTextAsync("Nothing is held.");
        await Assertions.Expect(tab.Page.Locator("#announcer")).ToContainTextAsync($"Unlocks released at site {DashboardGateway.SiteId} by an-admin");
        tab.AssertNoScriptErrors();
    }

    [Fact]
    public async Task Admin_ReleasesAFleetHold_WithTheKeyboardAlone_AfterConfirming()
    {
        await using var gateway = await DashboardGateway.StartAsync();
        await gateway.Service<StaffService>().SaveAsync(Admin, StaffRole.Admin, DashboardGateway.Password, "test");
        Assert.True((await gateway.Service<UnlockHoldService>().HoldAsync(null, "burst of unlocks at night", "mia")).Done);
        await using var tab = await chromium.NewPageAsync(gateway.BaseUrl);
        await tab.SignInAsync(Admin);
        await tab.Page.GotoAsync("/dashboard/holds.html");
        await tab.Page.Locator("body[data-ready='true']").WaitForAsync();
        var held = tab.Page.Locator("li[data-scope='fleet']");
        await Assertions.Expect(held).ToContainTextAsync("burst of unlocks at night");

        var reason = tab.Page.GetByLabel("Reason to release");
        await reason.FocusAsync();
        await tab.Page.Keyboard.TypeAsync("every site checked, cameras reviewed");
        await tab.Page.Keyboard.PressAsync("Tab");
        var release = tab.Page.GetByRole(AriaRole.Button, new() { Name = "Release the whole fleet" });
        await Assertions.Expect(release).ToBeFocusedAsync();

        // Enter asks first; Escape cancels, keeps the hold, and gives focus back to the button.
        await tab.Page.Keyboard.PressAsync("Enter");
        var dialog = tab.Page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("Codes will be answered and doors opened there again.");
        await Assertions.Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" })).ToBeFocusedAsync();
        await tab.Page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(release).ToBeFocusedAsync();
        Assert.Single(await gateway.Service<UnlockHoldService>().ListAsync());

        // Enter, Tab to "Release", Enter: released, told, and focus lands on the list's heading, not the page's start.
        await tab.Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await tab.Page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Release", Exact = true })).ToBeFocusedAsync();
        await tab.Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(tab.Page.Locator("#holds")).ToContainTextAsync("Nothing is held.");
        await Assertions.Expect(tab.Page.Locator("#current-title")).ToBeFocusedAsync();
        await Assertions.Expect(tab.Page.Locator("#announcer")).ToContainTextAsync("Unlocks released at the whole fleet");
        Assert.Empty(await gateway.Service<UnlockHoldService>().ListAsync());
        var audit = await gateway.Service<ILockerStore>().ExecuteAsync(tx => tx.Audit.ListRecentAsync(20));
        var released = Assert.Single(audit, entry => entry.Action == AuditActions.UnlocksReleased);
        Assert.Equal($"staff:{Admin}", released.Actor);
        Assert.Contains("every site checked, cameras reviewed", released.Detail);
        tab.AssertNoScriptErrors();
    }

    [Fact]
    public async Task Viewer_SeesTheHoldButCannotHold_AndMaintenanceCannotRelease()
    {
        await using var gateway = await DashboardGateway.StartAsync();
        Assert.True((await gateway.Service<UnlockHoldService>().HoldAsync(DashboardGateway.SiteId, "camera 2", "mia")).Done);

        await using (var viewer = await chromium.NewPageAsync(gateway.BaseUrl))
        {
            await viewer.SignInAsync("vic");
            await viewer.Page.GotoAsync("/dashboard/holds.html");
            await viewer.Page.Locator("body[data-ready='true']").WaitForAsync();
            await Assertions.Expect(viewer.Page.Locator($"li[data-scope='site:{DashboardGateway.SiteId}']")).ToContainTextAsync("camera 2");
            await Assertions.Expect(viewer.Page.Locator("form#hold")).ToBeHiddenAsync();
            Assert.Equal("Forbidden", await TryAsync(viewer, "/holds", "{ siteId: null, reason: 'a viewer tries' }"));
        }

        await using var maintenance = await chromium.NewPageAsync(gateway.BaseUrl);
        await maintenance.SignInAsync("mia");
        await maintenance.Page.GotoAsync("/dashboard/holds.html");
        await maintenance.Page.Locator("body[data-ready='true']").WaitForAsync();
        Assert.Equal("Forbidden", await TryAsync(maintenance, "/holds/release", $"{{ scope: 'site:{DashboardGateway.SiteId}', reason: 'mia tries' }}"));
        var hold = Assert.Single(await gateway.Service<UnlockHoldService>().ListAsync());
        Assert.Equal(HoldScopes.Site(DashboardGateway.SiteId), hold.Scope);
    }

    /// <summary>Posts through the page's own API helper (session cookie and anti-forgery token); "ok" or the error it shows.</summary>
    private static Task<string> TryAsync(BrowserPage tab, string path, string body) => tab.Page.EvaluateAsync<string>(
        $"async () => {{ try {{ await Lockers.api('{path}', {{ method: 'POST', body: {body} }}); return 'ok'; }} catch (e) {{ return e.message; }} }}");
}
