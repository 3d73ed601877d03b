using Lockers.Dashboard.Tests.Support;
using Microsoft.Playwright;

namespace Lockers.Dashboard.Tests;

/// <summary>
/// Every dashboard page at desktop and phone width, checked by axe-core (zero serious or critical violations) and saved as
/// a screenshot under the test output's artifacts/screenshots: sign-in, the fleet with an open alarm, a locker with a
/// parcel, a chosen compartment and an alarm.
/// </summary>
public sealed class AccessibilityTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    public static TheoryData<string, int, int> Widths => new() { { "desktop", 1280, 900 }, { "phone", 390, 844 } };

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task EveryPage_HasNoSeriousOrCriticalAxeViolations_AndIsScreenshotted(string name, int width, int height)
    {
        await using var gateway = await DashboardGateway.StartAsync();
        var parcel = await gateway.DepositParcelAsync("S", "DASH-A11Y");
        gateway.Locker.Force(5);
        await using var tab = await chromium.NewPageAsync(gateway.BaseUrl, width, height);

        await tab.Page.GotoAsync("/dashboard/sign-in.html");
        await tab.Page.Locator("form#sign-in[data-ready='true']").WaitForAsync();
        await Axe.AssertNoSeriousViolationsAsync(tab.Page, $"sign-in ({name})");
        await tab.ScreenshotAsync($"sign-in-{name}");

        await tab.SignInAsync("mia");
        await Assertions.Expect(tab.Page.Locator("li.alarm[data-kind='door_forced']")).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(tab.Page, $"fleet ({name})");
        await tab.ScreenshotAsync($"fleet-{name}");

        await tab.OpenLockerAsync(DashboardGateway.LockerId);
        await tab.Page.Locator($"[data-compartment='{parcel.Reservation.Compartment}']").ClickAsync();
        await Assertions.Expect(tab.Page.Locator("#panel-title")).ToBeFocusedAsync();
        await Axe.AssertNoSeriousViolationsAsync(tab.Page, $"locker ({name})");
        await Assertions.Expect(tab.Page.Locator("#panel-facts")).ToContainTextAsync("DASH-A11Y");
        await tab.ScreenshotAsync($"locker-{name}");
        var wide = await tab.Page.EvaluateAsync<string>(
            "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)" +
            ".slice(0, 5).map(e => e.tagName + '.' + e.className + '#' + e.id).join(', ')");
        Assert.True(await tab.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            $"the locker page scrolls sideways at {width} px: {wide}");

        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Take out of service" }).ClickAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(tab.Page, $"confirmation dialog ({name})");
        await tab.ScreenshotAsync($"confirm-{name}");
        tab.AssertNoScriptErrors();
    }
}
