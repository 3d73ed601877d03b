using Microsoft.Playwright;

namespace Lockers.Dashboard.Tests.Support;

/// <summary>
/// One headless Debian Chromium for a test class, driven by Playwright (no downloaded browser). Each test gets
/// its own context (cookies, storage) from <see cref="NewPageAsync"/>.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run ./lockers test (it installs chromium).");
        }
        // Assertions wait 5 s by default; the gateway, broker and simulated locker may share a busy machine.
        Assertions.SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Timeout = 60_000,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>
    /// A fresh page; JavaScript errors and failed CSP checks on it are collected in <see cref="BrowserPage.Errors"/>.
    /// <paramref name="locale"/>: the browser's language (its Accept-Language and navigator.language), en-US unless given.
    /// </summary>
    public async Task<BrowserPage> NewPageAsync(string baseUrl, int width = 1280, int height = 900, string locale = "en-US")
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            IgnoreHTTPSErrors = true, // the gateway's test certificate is self-signed
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = locale,
        });
        context.SetDefaultTimeout(30_000);
        return new BrowserPage(context, await context.NewPageAsync());
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }
        _playwright?.Dispose();
    }
}
