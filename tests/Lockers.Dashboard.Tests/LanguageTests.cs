using System.Text.RegularExpressions;
using Lockers.Dashboard.Tests.Support;
using Lockers.Gateway.Localization;
using Microsoft.Playwright;

namespace Lockers.Dashboard.Tests;

/// <summary>
/// The dashboard in Japanese and Chinese (docs/adr/0308-dashboard-languages.md), against the real system: a browser
/// whose language is ja-JP or zh-CN gets every page in that language (sign-in, the fleet with an alarm, a locker with a
/// parcel, its audit trail and a confirmation), at desktop and phone width, with html lang set, axe-core clean, no
/// English text of the dashboard left on screen, and a screenshot of each; the language switch changes the language from
/// the keyboard and is remembered.
/// </summary>
public sealed partial class LanguageTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    public static TheoryData<string, string, string, int, int> LanguagesAndWidths => new()
    {
        { "ja", "ja-JP", "desktop", 1280, 900 }, { "ja", "ja-JP", "phone", 390, 844 },
        { "zh", "zh-CN", "desktop", 1280, 900 }, { "zh", "zh-CN", "phone", 390, 844 },
    };

    [Theory]
    [MemberData(nameof(LanguagesAndWidths))]
    public async Task EveryPage_InTheBrowsersLanguage_IsTranslated_AxeClean_AndScreenshotted(string language, string locale, string width, int w, int h)
    {
        await using var gateway = await DashboardGateway.StartAsync();
        var parcel = await gateway.DepositParcelAsync("S", "DASH-LANG");
        gateway.Locker.Force(5);
        await using var tab = await chromium.NewPageAsync(gateway.BaseUrl, w, h, locale);
        var texts = Texts(language);
        var name = $"{language}-{width}";

        await tab.Page.GotoAsync("/dashboard/sign-in.html");
        await tab.Page.Locator("form#sign-in[data-ready='true']").WaitForAsync();
        await AssertInLanguageAsync(tab, language, "sign-in");
        await Assertions.Expect(tab.Page.Locator("h2")).ToHaveTextAsync(texts["SignIn.Heading"]);
        await Axe.AssertNoSeriousViolationsAsync(tab.Page, $"sign-in ({name})");
        await tab.ScreenshotAsync($"lang-sign-in-{name}");

        // A refusal is worded by the gateway, in the page's language.
        await tab.SubmitSignInAsync("mia", "not the password");
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(texts["SignIn.Wrong"]);

        await tab.SignInAsync("mia");
        var alarm = tab.Page.Locator("li.alarm[data-kind='door_forced']");
        await Assertions.Expect(alarm).ToContainTextAsync(texts["Alarm.Kind.door_forced"]);
        await Assertions.Expect(alarm).ToContainTextAsync(texts["AlarmDetail.Forced"]); // stored in English, read in the language
        await Assertions.Expect(tab.Page.Locator("#live")).ToHaveTextAsync(texts["Live.Connected"]);
        await AssertInLanguageAsync(tab, language, "fleet");
        await Axe.AssertNoSeriousViolationsAsync(tab.Page, $"fleet ({name})");
        await tab.ScreenshotAsync($"lang-fleet-{name}");

        await tab.OpenLockerAsync(DashboardGateway.LockerId);
        await tab.Page.Locator($"[data-compartment='{parcel.Reservation.Compartment}']").ClickAsync();
        await Assertions.Expect(tab.Page.Locator("#panel-title")).ToBeFocusedAsync();
        await Assertions.Expect(tab.Page.Locator("#panel-facts")).ToContainTextAsync("DASH-LANG");
        await Assertions.Expect(tab.Page.Locator("#audit tr").First).ToBeVisibleAsync();
        await Assertions.Expect(tab.Page.Locator("#audit")).ToContainTextAsync(texts["AuditLine.Actor.System"]);
        await AssertInLanguageAsync(tab, language, "locker");
        await Axe.AssertNoSeriousViolationsAsync(tab.Page, $"locker ({name})");
        await tab.ScreenshotAsync($"lang-locker-{name}");
        Assert.True(await tab.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            $"the locker page in {language} scrolls sideways at {w} px");

        await tab.Page.Locator("#service-button").ClickAsync();
        var dialog = tab.Page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(dialog.GetByRole(AriaRole.Button, new() { Name = texts["Common.Cancel"], Exact = true })).ToBeFocusedAsync();
        await AssertInLanguageAsync(tab, language, "confirmation");
        await Axe.AssertNoSeriousViolationsAsync(tab.Page, $"confirmation dialog ({name})");
        await tab.ScreenshotAsync($"lang-confirm-{name}");
        await tab.Page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).ToHaveCountAsync(0);

        // The Holds page, reached from the header's link, and its confirmation.
        await tab.Page.GetByRole(AriaRole.Link, new() { Name = texts["Common.Holds"], Exact = true }).ClickAsync();
        await tab.Page.Locator("body[data-ready='true']").WaitForAsync();
        await Assertions.Expect(tab.Page.Locator("h1")).ToHaveTextAsync(texts["Holds.Title"]);
        await Assertions.Expect(tab.Page.Locator("#holds")).ToContainTextAsync(texts["Holds.Nothing"]);
        await AssertInLanguageAsync(tab, language, "holds");
        await Axe.AssertNoSeriousViolationsAsync(tab.Page, $"holds ({name})");
        await tab.ScreenshotAsync($"lang-holds-{name}");
        Assert.True(await tab.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            $"the holds page in {language} scrolls sideways at {w} px");
        await tab.Page.Locator("#hold-reason").FillAsync("camera check");
        await tab.Page.Locator("#hold button[type='submit']").ClickAsync();
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await AssertInLanguageAsync(tab, language, "holds confirmation");
        await tab.Page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        tab.AssertNoScriptErrors();
    }

    [Fact]
    public async Task LanguageSwitch_FromTheKeyboard_ChangesThePageAndTheGatewaysWords_AndIsRemembered()
    {
        await using var gateway = await DashboardGateway.StartAsync();
        gateway.Locker.Force(5);
        await using var tab = await chromium.NewPageAsync(gateway.BaseUrl);
        await tab.SignInAsync("mia");
        await Assertions.Expect(tab.Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        var english = tab.Page.Locator("#languages button[data-lang='en']");
        await Assertions.Expect(english).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(tab.Page.Locator("li.alarm[data-kind='door_forced']")).ToContainTextAsync("the door opened without an unlock");

        // Tab into the header's switch and choose 中文 with the keyboard, as a staff member without a mouse would.
        await english.FocusAsync();
        await tab.Page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(tab.Page.Locator("#languages button[data-lang='zh']")).ToBeFocusedAsync();
        await tab.Page.Keyboard.PressAsync("Enter");

        var zh = Texts("zh");
        await Assertions.Expect(tab.Page.Locator("html")).ToHaveAttributeAsync("lang", "zh-Hans");
        await tab.WaitForFleetPageAsync();
        await Assertions.Expect(tab.Page.Locator("#alarms-title")).ToHaveTextAsync(zh["Fleet.OpenAlarms"]);
        await Assertions.Expect(tab.Page.Locator("#languages button[data-lang='zh']")).ToBeFocusedAsync(); // focus kept on the switch
        await Assertions.Expect(tab.Page.Locator("#languages button[data-lang='zh']")).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(tab.Page.Locator("li.alarm[data-kind='door_forced']")).ToContainTextAsync(zh["AlarmDetail.Forced"]);
        await tab.ScreenshotAsync("lang-switched-zh");

        // Remembered: the next page, and a new tab of the same browser, open in Chinese although the browser asks for English.
        await tab.OpenLockerAsync(DashboardGateway.LockerId);
        await Assertions.Expect(tab.Page.Locator("html")).ToHaveAttributeAsync("lang", "zh-Hans");
        await Assertions.Expect(tab.Page.Locator("#grid-title")).ToHaveTextAsync(zh["Locker.Compartments"]);
        var again = await tab.Page.Context.NewPageAsync();
        await again.GotoAsync("/dashboard/index.html");
        await again.Locator("body[data-ready='true']").WaitForAsync();
        await Assertions.Expect(again.Locator("html")).ToHaveAttributeAsync("lang", "zh-Hans");

        // And back to English.
        await tab.Page.Locator("#languages button[data-lang='en']").ClickAsync();
        await Assertions.Expect(tab.Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(tab.Page.Locator("#grid-title")).ToHaveTextAsync("Compartments");
        tab.AssertNoScriptErrors();
    }

    [Fact]
    public async Task MaintenanceAction_InChinese_IsAnsweredAndAuditedInChinese_AndARefusalToo()
    {
        await using var gateway = await DashboardGateway.StartAsync();
        await using var tab = await chromium.NewPageAsync(gateway.BaseUrl, locale: "zh-CN");
        var zh = Texts("zh");
        await tab.SignInAsync("mia");
        await tab.OpenLockerAsync(DashboardGateway.LockerId);

        await tab.Page.Locator("[data-compartment='6']").ClickAsync();
        await tab.Page.Locator("#service-button").ClickAsync();
        await tab.ConfirmAsync(zh["Panel.TakeOut"], expect: zh["Service.Empty"]);

        // The gateway's summary of what it did, and the audit line it wrote, in the staff member's language.
        await Assertions.Expect(tab.Page.Locator("#service-result")).ToHaveTextAsync(zh.Text("Summary.TakenOut", zh.Text("Summary.DoorN", 6)));
        await Assertions.Expect(tab.Page.Locator("#audit")).ToContainTextAsync(zh.Text("AuditLine.DoorTakenOut", zh.Text("AuditLine.DoorNStart", 6)));
        await Assertions.Expect(tab.Page.Locator("[data-compartment='6']")).ToContainTextAsync(zh["Grid.OutOfService"].TrimStart('，'));
        await tab.ScreenshotAsync("lang-service-zh");

        // A refusal (a problem document) is worded in Chinese as well.
        var refusal = await tab.Page.EvaluateAsync<string>("""
            async () => {
              const session = await (await fetch('/dashboard/api/session')).json();
              const response = await fetch('/dashboard/api/lockers/dash-a/compartments/99/open', { method: 'POST',
                headers: { 'Content-Type': 'application/json', 'X-CSRF-TOKEN': session.csrfToken }, body: JSON.stringify({ reason: 'check the door' }) });
              return (await response.json()).title;
            }
            """);
        Assert.Equal(zh.Text("Problem.NoCompartment", "dash-a/99"), refusal);
        Assert.DoesNotContain(await gateway.CommandsAsync(DashboardGateway.LockerId), command => command.Action == "unlock");
        tab.AssertNoScriptErrors();
    }

    private static PageTexts Texts(string language) => DashboardTexts.Resources.For(language, Languages.FormatCulture(language, null));

    /// <summary>
    /// The page says it is in <paramref name="language"/> (html lang) and shows no English of the dashboard: no English text
    /// of the table (each piece between placeholders) and no English word of its vocabulary is visible, once the test's own
    /// data (site, locker and user names, references) is taken out.
    /// </summary>
    private static async Task AssertInLanguageAsync(BrowserPage tab, string language, string page)
    {
        await Assertions.Expect(tab.Page.Locator("html")).ToHaveAttributeAsync("lang", Languages.HtmlLang(language));
        var shown = await tab.Page.EvaluateAsync<string>("() => document.title + '\\n' + document.body.innerText + '\\n' + " +
            "[...document.querySelectorAll('[aria-label],[placeholder]')].map(e => (e.getAttribute('aria-label') || '') + ' ' + (e.getAttribute('placeholder') || '')).join('\\n')");
        var texts = Texts(language);
        foreach (var data in new[] { DashboardGateway.Site.Site.Name, "Station A", "DASH-LANG", DashboardGateway.LockerId, DashboardGateway.SiteId,
                     texts.Text("AuditLine.Actor.Carrier", "carrier"), "English" })
        {
            shown = shown.Replace(data, " ", StringComparison.Ordinal);
        }

        var english = DashboardTexts.Resources.All(Languages.English);
        var pieces = english.Where(pair => pair.Value != texts[pair.Key])
            .SelectMany(pair => Placeholder().Split(pair.Value))
            .Select(piece => piece.Trim(' ', ',', '.', ':', '(', ')', '-'))
            .Where(piece => Word().Matches(piece).Count >= 2)
            .Distinct()
            .Where(piece => shown.Contains(piece, StringComparison.Ordinal))
            .ToList();
        Assert.True(pieces.Count == 0, $"{page} in {language} shows English texts: {string.Join(" | ", pieces)}\n{shown}");

        // Words the translation keeps too (units such as dBm, HTTP) are not English left behind.
        var kept = DashboardTexts.Resources.All(language).Values.SelectMany(text => Word().Matches(text).Select(m => m.Value.ToLowerInvariant())).ToHashSet();
        var vocabulary = english.Values.SelectMany(text => Word().Matches(text).Select(m => m.Value.ToLowerInvariant())).Where(word => !kept.Contains(word)).ToHashSet();
        var words = Word().Matches(shown).Select(m => m.Value).Where(word => vocabulary.Contains(word.ToLowerInvariant())).Distinct().ToList();
        Assert.True(words.Count == 0, $"{page} in {language} shows English words: {string.Join(", ", words)}\n{shown}");
    }

    [GeneratedRegex(@"\{[0-9]\}")]
    private static partial Regex Placeholder();

    /// <summary>A Latin word of three letters or more ("mV" and "S" are units and sizes, the same in every language).</summary>
    [GeneratedRegex(@"[A-Za-z]{3,}")]
    private static partial Regex Word();
}
