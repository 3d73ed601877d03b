using Lockers.Testing;
using Lockers.Testing.Browser;
using Microsoft.Playwright;

namespace Lockers.Journeys.Tests.Support;

/// <summary>
/// One headless Debian Chromium for a test class, driven by Playwright (never a downloaded browser). Each page gets its own
/// context (cookies, language); the pages' Content-Security-Policy is bypassed only so that axe-core can be injected.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    private DebianChromium? _chromium;

    public async Task InitializeAsync() => _chromium = await DebianChromium.LaunchAsync();

    /// <summary>A phone-sized page (360 x 740 by default) whose browser prefers <paramref name="language"/>.</summary>
    public async Task<PhonePage> NewPhoneAsync(string baseUrl, string language, int width = 360, int height = 740)
    {
        var context = await _chromium!.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            Locale = language,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
            BypassCSP = true,
        });
        context.SetDefaultTimeout(30_000);
        return new PhonePage(context, await context.NewPageAsync());
    }

    public async Task DisposeAsync()
    {
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }
    }
}

/// <summary>One phone tab: screenshots to the test output's artifacts/screenshots, axe-core checks, script errors collected.</summary>
public sealed class PhonePage : IAsyncDisposable
{
    private static readonly string AxeScript = File.ReadAllText(RepositoryRoot.File("tests", "a11y", "node_modules", "axe-core", "axe.min.js"));
    private readonly IBrowserContext _context;
    private readonly List<string> _errors = [];

    public PhonePage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.PageError += (_, error) => _errors.Add("page error: " + error);
    }

    public IPage Page { get; }

    public static string ScreenshotDirectory => Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");

    public Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        return Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });
    }

    /// <summary>The page's state (body data-state) once it has loaded.</summary>
    public Task<string?> StateAsync() => Page.Locator("body").GetAttributeAsync("data-state");

    /// <summary>
    /// Runs axe-core (WCAG 2.x A and AA rules and best practices) on the page and fails with every serious or critical
    /// violation, each with its rule, help text and the elements it found.
    /// </summary>
    public async Task AssertAccessibleAsync(string what)
    {
        if (!await Page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
        {
            await Page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = AxeScript });
        }

        var found = await Page.EvaluateAsync<AxeViolation[]>("""
            async () => {
              const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
              return result.violations.map(v => ({ id: v.id, impact: v.impact || '', help: v.help, targets: v.nodes.map(n => n.target.join(' ')) }));
            }
            """);
        var serious = found.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"axe-core found serious violations on {what}:\n" +
            string.Join("\n", serious.Select(v => $"  {v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Targets)}")));
    }

    public void AssertNoScriptErrors() => Assert.True(_errors.Count == 0, "script errors:\n" + string.Join("\n", _errors));

    public async ValueTask DisposeAsync() => await _context.CloseAsync();

    public sealed record AxeViolation(string Id, string Impact, string Help, string[] Targets);
}
