using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Lockers.Dashboard.Tests.Support;

/// <summary>One browser tab with the dashboard's common steps: sign in, wait for live updates, save a screenshot.</summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private static readonly Regex FleetPage = new("/dashboard/index\\.html$");

    private readonly IBrowserContext _context;

    public BrowserPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.PageError += (_, error) => Errors.Enqueue("page error: " + error);
        page.Console += (_, message) =>
        {
            // A failed fetch (401/403 on purpose) is logged as an error too; only script errors count.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource"))
            {
                Errors.Enqueue("console: " + message.Text);
            }
        };
    }

    public IPage Page { get; }

    public ConcurrentQueue<string> Errors { get; } = new();

    /// <summary>Screenshots land in the test output directory, under artifacts/screenshots.</summary>
    public static string ScreenshotDirectory => Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");

    /// <summary>Starts at the dashboard, is sent to sign-in, signs in and waits for the fleet page.</summary>
    public async Task SignInAsync(string user, string password = DashboardGateway.Password)
    {
        await SubmitSignInAsync(user, password);
        await WaitForFleetPageAsync();
    }

    /// <summary>Fills and submits the sign-in form without waiting for the outcome.</summary>
    public async Task SubmitSignInAsync(string user, string password)
    {
        // The dashboard's script sends the browser on to sign-in, perhaps before its own page finished loading: wait
        // for the sign-in form, which only that page has, instead of for either page's load event.
        await Page.GotoAsync("/dashboard", new() { WaitUntil = WaitUntilState.Commit });
        await Page.Locator("form#sign-in[data-ready='true']").WaitForAsync();
        // By id, not by label: the page may be in any of its languages.
        await Page.Locator("#user").FillAsync(user);
        await Page.Locator("#password").FillAsync(password);
        await Page.Locator("form#sign-in button[type='submit']").ClickAsync();
    }

    /// <summary>
    /// Waits until the browser is on the fleet page and the page has drawn. Polls the address and the page instead of
    /// waiting for a navigation event, which a script's redirect can fire before the wait starts.
    /// </summary>
    public async Task WaitForFleetPageAsync()
    {
        await Assertions.Expect(Page).ToHaveURLAsync(FleetPage);
        await Page.Locator("body[data-ready='true'] #fleet").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    public async Task OpenLockerAsync(string lockerId)
    {
        await Page.GotoAsync("/dashboard/locker.html?id=" + lockerId);
        await Page.Locator("body[data-ready='true']").WaitForAsync();
        await Page.Locator("#live[data-state='connected']").WaitForAsync();
    }

    /// <summary>
    /// The page asked before a risky action: checks the dialog says <paramref name="expect"/> (the consequence), then
    /// presses the button named <paramref name="action"/>.
    /// </summary>
    public async Task ConfirmAsync(string action, string? expect = null)
    {
        var dialog = Page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        if (expect is not null)
        {
            await Assertions.Expect(dialog).ToContainTextAsync(expect);
        }
        await dialog.GetByRole(AriaRole.Button, new() { Name = action, Exact = true }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
    }

    /// <summary>Fails the test with every script error the page logged (a broken script, a CSP violation).</summary>
    public void AssertNoScriptErrors() => Assert.True(Errors.IsEmpty, "script errors:\n" + string.Join("\n", Errors));

    public Task<byte[]> ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        return Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
