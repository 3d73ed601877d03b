using Microsoft.Playwright;

namespace Lockers.Testing.Browser;

/// <summary>
/// Debian's headless Chromium (/usr/bin/chromium) driven by Playwright, never a downloaded browser: the launch every browser
/// test project shares. Compiled into those projects only (linked in their .csproj), so that Lockers.Testing itself and the
/// projects without a browser do not carry Playwright.
/// </summary>
public sealed class DebianChromium : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;

    private DebianChromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<DebianChromium> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run ./lockers test (it installs chromium).");
        }

        // Assertions wait 5 s by default; the gateway, broker and simulated locker may share a busy machine.
        Assertions.SetDefaultExpectTimeout(30_000);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Timeout = 60_000,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
        });
        return new DebianChromium(playwright, browser);
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright.Dispose();
    }
}
