using System.Net.Http.Json;
using Lockers.Gateway.Dashboard;
using Lockers.Gateway.Expiry;
using Lockers.Gateway.Recipients;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Reservations;
using Lockers.Journeys.Tests.Support;
using Microsoft.Playwright;

namespace Lockers.Journeys.Tests;

/// <summary>
/// The recipient's parcel page on a phone, in Chromium, in each language: every state a recipient can meet (on the way,
/// redirected, waiting, moved, collected, expired, cancelled, a dead link), extending and redirecting, and bad input
/// answered in the page's language with nothing changed. Each state passes axe-core without a serious violation and is
/// saved as a screenshot (artifacts/screenshots/recipient-{language}-{state}.png).
/// </summary>
public sealed class RecipientPageBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    [InlineData("zh")]
    public async Task RecipientPage_OnAPhone_EveryStateAndAction_InTheReadersLanguage(string language)
    {
        await using var gateway = await JourneyGateway.StartAsync();
        var texts = gateway.Service<RecipientPageRenderer>().Texts;
        string T(string key) => texts.Get(key, language);
        await using var phone = await chromium.NewPhoneAsync(gateway.BaseUrl, language);
        var page = phone.Page;

        // On the way: the place, and other lockers nearby to choose from.
        var first = await gateway.BookAsync("S", "JP-ON-THE-WAY");
        await OpenAsync(phone, first, "on_the_way", language, T("OnTheWay.Title"));
        await Assertions.Expect(page.Locator(".site-name")).ToHaveTextAsync("東京駅 丸の内口");
        await Assertions.Expect(page.Locator("dd", new() { HasText = T("Place.HoursRange")[..2] }).First).ToBeVisibleAsync();
        await Checked(phone, language, "on-the-way");

        // Redirect before deposit, to the nearest neighbour.
        await page.GetByLabel("八重洲地下街").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = T("Redirect.Button") }).ClickAsync();
        await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-state", "redirected");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(T("Notice.Redirected"));
        Assert.Equal((JourneyGateway.Yaesu, JourneyGateway.Station), ((await gateway.ReservationAsync(first.Reservation.Id)).SiteId,
            (await gateway.ReservationAsync(first.Reservation.Id)).RedirectedFrom));
        await Checked(phone, language, "redirected");

        // Waiting: a courier puts the parcel in at the simulated locker; the page shows the PIN and the QR.
        var second = await gateway.BookAsync("S", "JP-WAITING");
        var door = second.Reservation.Compartment!.Value;
        await gateway.DepositAsync(second);
        await OpenAsync(phone, second, "waiting", language, T("Waiting.Title"));
        var pin = await page.Locator(".pin").GetAttributeAsync("data-pin");
        Assert.Matches("^[0-9]{6}$", pin);
        Assert.True(await page.Locator(".qr img").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the QR image did not load");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways at 360 px");
        await Checked(phone, language, "waiting");

        // The same page at 320 px fits the width too.
        await using (var narrow = await chromium.NewPhoneAsync(gateway.BaseUrl, language, width: 320, height: 640))
        {
            await narrow.Page.GotoAsync(Path(second));
            Assert.True(await narrow.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways at 320 px");
            await narrow.AssertAccessibleAsync($"the waiting page at 320 px ({language})");
            await narrow.ScreenshotAsync($"recipient-{language}-waiting-320");
        }

        // Extend by a day.
        var deadline = (await gateway.ReservationAsync(second.Reservation.Id)).PickupDeadline!.Value;
        await page.GetByRole(AriaRole.Button, new() { Name = string.Format(T("Extend.Button"), 24) }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(T("Notice.Extended"));
        Assert.Equal(deadline.AddHours(24), (await gateway.ReservationAsync(second.Reservation.Id)).PickupDeadline);
        await Checked(phone, language, "extended");

        // Bad input: an extension beyond the carrier's policy (a tampered form) is refused in the page's language; nothing changes.
        var before = System.Text.Json.JsonSerializer.Serialize(await gateway.ReservationAsync(second.Reservation.Id));
        await page.Locator("input[name=hours]").EvaluateAsync("input => input.value = '999'");
        await page.GetByRole(AriaRole.Button, new() { Name = string.Format(T("Extend.Button"), 24) }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync(string.Format(T("Error.BeyondPolicy"), 24));
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync(T("Error.NothingChanged"));
        Assert.Equal(before, System.Text.Json.JsonSerializer.Serialize(await gateway.ReservationAsync(second.Reservation.Id)));
        await Checked(phone, language, "extend-refused");

        // Moved: staff move the parcel to another door; the page says where, and the codes still work.
        var target = new CompartmentRef(JourneyGateway.LockerId, door == 12 ? 11 : 12);
        // A guided move: the parcel's door opens, then the target's; the codes follow when the target door closes on the parcel.
        var move = await gateway.Service<ParcelMoveService>().StartAsync(new CompartmentRef(JourneyGateway.LockerId, door), target, "mia");
        Assert.True(move.Done, move.Problem);
        await Lockers.Testing.Wait.UntilAsync(async () => (await gateway.ReservationAsync(second.Reservation.Id)).Move?.Step == MoveStep.TargetOpened,
            JourneyGateway.Timeout, "both doors of the move to open");
        gateway.Locker.Close(door);
        gateway.Locker.Close(target.Number);
        await Lockers.Testing.Wait.UntilAsync(async () => (await gateway.ReservationAsync(second.Reservation.Id)) is { Move: null, MovedAt: not null },
            JourneyGateway.Timeout, "the move to complete");
        await OpenAsync(phone, second, "moved", language, T("Moved.Title"));
        await Assertions.Expect(page.Locator("dd.door")).ToContainTextAsync(target.Number.ToString());
        await Checked(phone, language, "moved");

        // Collected: the recipient types the PIN at the locker.
        await gateway.OpenAndCloseAsync(pin!, target.Number, second.Reservation.Id, r => r.Status == ReservationStatus.PickedUp, ReservationStatus.PickedUp);
        await OpenAsync(phone, second, "collected", language, T("Collected.Title"));
        await Assertions.Expect(page.Locator(".pin")).ToHaveCountAsync(0);
        await Checked(phone, language, "collected");

        // Expired: deposited and never collected.
        var third = await gateway.BookAsync("S", "JP-EXPIRED");
        await gateway.DepositAsync(third);
        gateway.Time.Advance(TimeSpan.FromHours(73));
        Assert.True(await gateway.Service<ExpiryService>().ExpireDueAsync() >= 1);
        await OpenAsync(phone, third, "expired", language, T("Expired.Title"));
        await Checked(phone, language, "expired");

        // Cancelled by the carrier before deposit.
        var fourth = await gateway.BookAsync("S", "JP-CANCELLED");
        Assert.True((await gateway.Api.PostAsync($"/api/v1/reservations/{fourth.Reservation.Id}/cancel", null)).IsSuccessStatusCode);
        await OpenAsync(phone, fourth, "cancelled", language, T("Cancelled.Title"));
        await Checked(phone, language, "cancelled");

        // Bad input: the chosen locker filled up after the page was shown; the refusal names it, nothing changes.
        var fifth = await gateway.BookAsync("S", "JP-TOO-LATE");
        await OpenAsync(phone, fifth, "on_the_way", language, T("OnTheWay.Title"));
        await page.GetByLabel("銀座一丁目").CheckAsync();
        foreach (var size in new[] { "S", "M", "L" })
        {
            await gateway.BookAsync(size, "FILL-GINZA-" + size, site: JourneyGateway.Ginza);
        }

        var unchanged = System.Text.Json.JsonSerializer.Serialize(await gateway.ReservationAsync(fifth.Reservation.Id));
        await page.GetByRole(AriaRole.Button, new() { Name = T("Redirect.Button") }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync(string.Format(T("Error.TargetFull"), "銀座一丁目"));
        Assert.Equal(unchanged, System.Text.Json.JsonSerializer.Serialize(await gateway.ReservationAsync(fifth.Reservation.Id)));
        await Checked(phone, language, "redirect-refused");

        // Bad input: an unknown (or long dead) link.
        await page.GotoAsync("/r/AAAAAAAAAAAAAAAAAAAAAA");
        await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-state", "not_found");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(T("Error.NotFound.Title"));
        await Checked(phone, language, "not-found");
        phone.AssertNoScriptErrors();
    }

    [Fact]
    public async Task LanguageSwitch_OnThePage_ChangesTheLanguage_AndIsRemembered()
    {
        await using var gateway = await JourneyGateway.StartAsync();
        await using var phone = await chromium.NewPhoneAsync(gateway.BaseUrl, "ja");
        var booked = await gateway.BookAsync("S", "JP-SWITCH");
        await phone.Page.GotoAsync(Path(booked));
        await Assertions.Expect(phone.Page.Locator("html")).ToHaveAttributeAsync("lang", "ja");

        await phone.Page.GetByRole(AriaRole.Link, new() { Name = "简体中文" }).ClickAsync();

        await Assertions.Expect(phone.Page.Locator("html")).ToHaveAttributeAsync("lang", "zh-Hans");
        await Assertions.Expect(phone.Page.GetByRole(AriaRole.Link, new() { Name = "简体中文" })).ToHaveAttributeAsync("aria-current", "true");
        await phone.Page.GotoAsync(Path(booked));
        await Assertions.Expect(phone.Page.Locator("html")).ToHaveAttributeAsync("lang", "zh-Hans");
    }

    private static string Path(BookedReservationResponse booked) => new Uri(booked.AccessLink!).AbsolutePath;

    private static async Task OpenAsync(PhonePage phone, BookedReservationResponse booked, string state, string language, string title)
    {
        await phone.Page.GotoAsync(Path(booked));
        await Assertions.Expect(phone.Page.Locator("body")).ToHaveAttributeAsync("data-state", state);
        await Assertions.Expect(phone.Page.Locator("html")).ToHaveAttributeAsync("lang", Lockers.Gateway.Localization.Languages.HtmlLang(language));
        await Assertions.Expect(phone.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
    }

    private static async Task Checked(PhonePage phone, string language, string state)
    {
        await phone.AssertAccessibleAsync($"the {state} page ({language})");
        await phone.ScreenshotAsync($"recipient-{language}-{state}");
    }
}
