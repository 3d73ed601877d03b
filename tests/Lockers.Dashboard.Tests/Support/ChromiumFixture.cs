using Lockers.Testing.Browser;
using Microsoft.Playwright;

namespace Lockers.Dashboard.Tests.Support;

/// <summary>
/// One headless Debian Chromium for a test class, driven by Playwright (no downloaded browser). Each test gets
/// its own context (cookies, storage) from <see cref="NewPageAsync"/>.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    private DebianChromium? _chromium;

    public async Task InitializeAsync() => _chromium = await DebianChromium.LaunchAsync();

    /// <summary>
    /// A fresh page; JavaScript errors and failed CSP checks on it are collected in <see cref="BrowserPage.Errors"/>.
    /// <paramref name="locale"/>: the browser's language (its Accept-Language and navigator.language), en-US unless given.
    /// </summary>
    public async Task<BrowserPage> NewPageAsync(string baseUrl, int width = 1280, int height = 900, string locale = "en-US")
    {
        var context = await _chromium!.Browser.NewContextAsync(new BrowserNewContextOptions
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
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }
    }
}
