using System.Net;
using System.Net.Http.Json;
using Lockers.Gateway.Audit;
using Lockers.Gateway.Codes;
using Lockers.Gateway.Reservations;
using Lockers.Gateway.Reservations.Doors;
using Lockers.Gateway.Store;
using Lockers.Gateway.Tests.Infrastructure;
using Lockers.Gateway.Webhooks;

namespace Lockers.Gateway.Tests.Recipients;

/// <summary>The recipient's parcel page at the access link, over HTTP: its states, languages, actions and refusals.</summary>
public sealed class RecipientPageTests
{
    [Fact]
    public async Task Booking_GivesALink_WhosePageSaysOnTheWay_InTheSitesLanguage()
    {
        await using var gateway = await RecipientGateway.StartAsync();
        var booked = await gateway.BookAsync();

        var page = await gateway.Browser().GetAsync(RecipientGateway.PathOf(booked.AccessLink!));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var (state, text) = RecipientGateway.Read(await page.Content.ReadAsStringAsync());
        Assert.Equal("on_the_way", state);
        Assert.Contains("お荷物は配送中です", text);
        Assert.Contains("東京駅 丸の内口", text);
        Assert.Contains("毎日 6:00～23:30", text);
        Assert.Contains("丸の内北口を出て左", text);
        Assert.DoesNotContain("暗証番号: ", text);
        Assert.Equal("no-store", page.Headers.CacheControl?.ToString());
        Assert.Contains("default-src 'none'", page.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task Deposited_PageShowsThePinTheWebhookCarries_AndTheQr_InTheBrowsersLanguage()
    {
        await using var gateway = await RecipientGateway.StartAsync();
        var booked = await gateway.BookAsync();
        var codes = (await gateway.DepositAsync(RecipientGateway.Station, booked.DropoffCode))!;
        Assert.Equal(RecipientGateway.TokenOf(booked.AccessLink!), codes.AccessToken);
        var browser = gateway.Browser("en-GB");

        var html = await browser.GetStringAsync(RecipientGateway.PathOf(booked.AccessLink!));

        var (state, text) = RecipientGateway.Read(html);
        Assert.Equal("waiting", state);
        Assert.Contains("Your parcel is ready to collect", text);
        Assert.Contains($"data-pin=\"{codes.Pin}\"", html);
        Assert.Contains("Collect by Wednesday, March 4, 2026", text); // 09:00 UTC + 72 h, in Tokyo: 18:00
        Assert.Contains("No. 1, キャビネットA", text);
        var qr = await browser.GetAsync(RecipientGateway.PathOf(booked.AccessLink!) + "/qr.svg");
        Assert.Equal("image/svg+xml", qr.Content.Headers.ContentType?.MediaType);
        Assert.Equal(CodeCheckOutcome.Accepted, (await gateway.CheckAsync(RecipientGateway.Station, codes.QrToken, CodeSource.Qr)).Outcome);
    }

    [Fact]
    public async Task LanguageSwitch_IsRemembered_AndFormatsDatesForThatLanguage()
    {
        await using var gateway = await RecipientGateway.StartAsync();
        var booked = await gateway.BookAsync();
        await gateway.DepositAsync(RecipientGateway.Station, booked.DropoffCode);
        var browser = gateway.Browser("ja");
        var path = RecipientGateway.PathOf(booked.AccessLink!);

        var chinese = RecipientGateway.Read(await browser.GetStringAsync(path + "?lang=zh")).Text;
        var again = RecipientGateway.Read(await browser.GetStringAsync(path)).Text;

        Assert.Contains("您的包裹可以取了", chinese);
        Assert.Contains("请在2026年3月4日", chinese);
        Assert.Contains("您的包裹可以取了", again);
    }

    [Fact]
    public async Task Extend_WithinThePolicy_MovesTheDeadline_SendsTheWebhook_AndAudits()
    {
        await using var gateway = await RecipientGateway.StartAsync();
        var booked = await gateway.BookAsync();
        await gateway.DepositAsync(RecipientGateway.Station, booked.DropoffCode);
        var before = await gateway.ReservationAsync(booked.Reservation.Id);
        var browser = gateway.Browser("en");
        var path = RecipientGateway.PathOf(booked.AccessLink!);

        var posted = await browser.PostAsync(path + "/extend", new FormUrlEncodedContent(new Dictionary<string, string> { ["hours"] = "24" }));

        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        Assert.Equal(path + "?done=extended", posted.Headers.Location?.OriginalString);
        var after = await gateway.ReservationAsync(booked.Reservation.Id);
        Assert.Equal(before.PickupDeadline!.Value.AddHours(24), after.PickupDeadline);
        Assert.Equal(24, after.RecipientExtendedHours);
        var text = RecipientGateway.Read(await browser.GetStringAsync(posted.Headers.Location!.OriginalString)).Text;
        Assert.Contains("Done: the pickup time was extended.", text);
        Assert.Contains("You can add up to 24 more hours.", text);
        var store = gateway.Gateway.Factory.Service<ILockerStore>();
        var outbox = await store.ReadAsync(tx => tx.Outbox.ListAsync(booked.Reservation.Id, 20));
        Assert.Contains(outbox, m => m.EventType == WebhookEvents.Extended);
        var audit = (await store.ReadAsync(tx => tx.Audit.ListRecentAsync(100))).Where(e => e.ReservationId == booked.Reservation.Id).ToList();
        Assert.Contains(audit, e => e.Action == AuditActions.ReservationExtended && e.Actor == RecipientActions.Actor && e.Detail!.Contains("by=recipient"));
    }

    [Fact]
    public async Task Extend_BeyondThePolicy_IsRefusedInThePagesLanguage_AndChangesNothing()
    {
        await using var gateway = await RecipientGateway.StartAsync();
        var booked = await gateway.BookAsync();
        await gateway.DepositAsync(RecipientGateway.Station, booked.DropoffCode);
        var before = await gateway.SnapshotAsync(booked.Reservation.Id);
        var path = RecipientGateway.PathOf(booked.AccessLink!);

        var refused = await gateway.Browser("zh-CN").PostAsync(path + "/extend",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["hours"] = "49" }));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var text = RecipientGateway.Read(await refused.Content.ReadAsStringAsync()).Text;
        Assert.Contains("取件时间最多还能延长48小时。", text);
        Assert.Contains("未做任何更改。", text);
        Assert.Equal(before, await gateway.SnapshotAsync(booked.Reservation.Id));
    }

    [Fact]
    public async Task Redirect_BeforeDeposit_MovesTheBookingToTheChosenSite_WithANewDropoffCode()
    {
        await using var gateway = await RecipientGateway.StartAsync();
        var booked = await gateway.BookAsync();
        var path = RecipientGateway.PathOf(booked.AccessLink!);
        var browser = gateway.Browser("en");
        var page = await browser.GetStringAsync(path);
        Assert.Contains("value=\"tokyo-yaesu\"", page);
        Assert.Contains("value=\"tokyo-ginza\"", page);
        Assert.DoesNotContain("value=\"osaka-umeda\"", page);

        var posted = await browser.PostAsync(path + "/redirect", new FormUrlEncodedContent(new Dictionary<string, string> { ["site"] = RecipientGateway.Yaesu }));

        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        var moved = await gateway.ReservationAsync(booked.Reservation.Id);
        Assert.Equal((RecipientGateway.Yaesu, RecipientGateway.Station, ReservationStatus.Booked), (moved.SiteId, moved.RedirectedFrom, moved.Status));
        var (state, text) = RecipientGateway.Read(await browser.GetStringAsync(path));
        Assert.Equal("redirected", state);
        Assert.Contains("instead of 東京駅 丸の内口", text);
        Assert.Contains("八重洲地下街", text);
        // The old drop-off code is dead; the new one (in the redirected webhook) opens the door at the new site.
        Assert.Equal(CodeCheckOutcome.Rejected, (await gateway.CheckAsync(RecipientGateway.Station, booked.DropoffCode)).Outcome);
        var outbox = await gateway.Gateway.Factory.Service<ILockerStore>().ReadAsync(tx => tx.Outbox.ListAsync(booked.Reservation.Id, 20));
        Assert.Contains(outbox, m => m.EventType == WebhookEvents.Redirected && m.SealedSecrets is not null);
    }

    [Fact]
    public async Task Redirect_AfterDeposit_IsRefusedUnlessTheCarrierAllowsIt_ThenANewReservationCarriesTheParcelOn()
    {
        await using var gateway = await RecipientGateway.StartAsync();
        var booked = await gateway.BookAsync();
        var codes = (await gateway.DepositAsync(RecipientGateway.Station, booked.DropoffCode))!;
        var path = RecipientGateway.PathOf(booked.AccessLink!);
        var browser = gateway.Browser("ja");
        var form = new Dictionary<string, string> { ["site"] = RecipientGateway.Ginza };

        var refused = await browser.PostAsync(path + "/redirect", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("差出人は受取場所の変更を受け付けていません", RecipientGateway.Read(await refused.Content.ReadAsStringAsync()).Text);

        var policy = await gateway.Api.PutAsJsonAsync("/api/v1/recipient-policy", new { redirectAfterDeposit = true });
        Assert.Equal(HttpStatusCode.OK, policy.StatusCode);
        var posted = await browser.PostAsync(path + "/redirect", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        var old = await gateway.ReservationAsync(booked.Reservation.Id);
        Assert.Equal(ReservationStatus.Redirected, old.Status);
        var carried = await gateway.ReservationAsync(old.RedirectedTo!);
        Assert.Equal((RecipientGateway.Ginza, RecipientGateway.Station, ReservationStatus.Booked), (carried.SiteId, carried.RedirectedFrom, carried.Status));
        Assert.Equal("redirected", RecipientGateway.Read(await browser.GetStringAsync(path)).State);
        // The recipient's PIN no longer opens the door at the old site; the carrier's collect code (webhook) does.
        Assert.Equal(CodeCheckOutcome.Rejected, (await gateway.CheckAsync(RecipientGateway.Station, codes.Pin)).Outcome);
    }

    [Fact]
    public async Task Redirect_ToASiteThatFilledUp_IsRefused_AndChangesNothing()
    {
        await using var gateway = await RecipientGateway.StartAsync();
        var booked = await gateway.BookAsync();
        var path = RecipientGateway.PathOf(booked.AccessLink!);
        var browser = gateway.Browser("en");
        Assert.Contains("value=\"tokyo-yaesu\"", await browser.GetStringAsync(path));
        await gateway.BookAsync(RecipientGateway.Yaesu, parcel: "JP-OTHER"); // takes Yaesu's only door
        var before = await gateway.SnapshotAsync(booked.Reservation.Id);

        var refused = await browser.PostAsync(path + "/redirect", new FormUrlEncodedContent(new Dictionary<string, string> { ["site"] = RecipientGateway.Yaesu }));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("八重洲地下街 has no free door for your parcel any more.", RecipientGateway.Read(await refused.Content.ReadAsStringAsync()).Text);
        Assert.Equal(before, await gateway.SnapshotAsync(booked.Reservation.Id));
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA", "ja", "このリンクは使えません")]
    [InlineData("short", "en", "This link does not work")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA", "zh-TW", "此链接无效")]
    public async Task UnknownLink_AnswersNotFound_InTheBrowsersLanguage(string token, string language, string title)
    {
        await using var gateway = await RecipientGateway.StartAsync();

        var page = await gateway.Browser(language).GetAsync("/r/" + token);

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        var (state, text) = RecipientGateway.Read(await page.Content.ReadAsStringAsync());
        Assert.Equal(("not_found", true), (state, text.Contains(title)));
    }

    [Fact]
    public async Task CollectedParcel_ShowsItsEnd_ThenTheLinkDies()
    {
        await using var gateway = await RecipientGateway.StartAsync();
        var booked = await gateway.BookAsync();
        var codes = (await gateway.DepositAsync(RecipientGateway.Station, booked.DropoffCode))!;
        await gateway.CloseAsync(await gateway.OpenWithAsync(RecipientGateway.Station, codes.Pin));
        var path = RecipientGateway.PathOf(booked.AccessLink!);
        var browser = gateway.Browser("en");

        var (state, text) = RecipientGateway.Read(await browser.GetStringAsync(path));
        Assert.Equal("collected", state);
        Assert.Contains("This link no longer opens the locker.", text);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(path + "/qr.svg")).StatusCode);
        var extend = await browser.PostAsync(path + "/extend", new FormUrlEncodedContent(new Dictionary<string, string> { ["hours"] = "24" }));
        Assert.Equal(HttpStatusCode.Conflict, extend.StatusCode);

        gateway.Gateway.Time.Advance(TimeSpan.FromDays(8));

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task CarrierReissue_GivesANewLinkAndPin_AndTheOldOnesStopWorking()
    {
        await using var gateway = await RecipientGateway.StartAsync();
        var booked = await gateway.BookAsync();
        var codes = (await gateway.DepositAsync(RecipientGateway.Station, booked.DropoffCode))!;

        var response = await gateway.Api.PostAsync($"/api/v1/reservations/{booked.Reservation.Id}/access-link", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reissued = (await response.Content.ReadFromJsonAsync<ReissuedAccessResponse>(ReservationRequests.Json))!;
        Assert.NotEqual(booked.AccessLink, reissued.AccessLink);
        Assert.NotNull(reissued.PickupPin);
        var browser = gateway.Browser("en");
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(RecipientGateway.PathOf(booked.AccessLink!))).StatusCode);
        Assert.Contains($"data-pin=\"{reissued.PickupPin}\"", await browser.GetStringAsync(RecipientGateway.PathOf(reissued.AccessLink)));
        Assert.Equal(CodeCheckOutcome.Rejected, (await gateway.CheckAsync(RecipientGateway.Station, codes.Pin)).Outcome);
        Assert.Equal(CodeCheckOutcome.Rejected, (await gateway.CheckAsync(RecipientGateway.Station, codes.QrToken, CodeSource.Qr)).Outcome);
        Assert.Equal(CodeCheckOutcome.Accepted, (await gateway.CheckAsync(RecipientGateway.Station, reissued.PickupPin!)).Outcome);
    }

    [Fact]
    public async Task ManyRequestsFromOneAddress_AreHeldBack_WithAPageInTheirLanguage()
    {
        await using var gateway = await RecipientGateway.StartAsync(new Dictionary<string, string?> { ["Recipients:RequestsPerMinute"] = "3" });
        var browser = gateway.Browser("ja");

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/r/AAAAAAAAAAAAAAAAAAAAAA")).StatusCode);
        }

        var held = await browser.GetAsync("/r/AAAAAAAAAAAAAAAAAAAAAA");
        Assert.Equal(HttpStatusCode.TooManyRequests, held.StatusCode);
        Assert.Contains("アクセスが多すぎます", RecipientGateway.Read(await held.Content.ReadAsStringAsync()).Text);
    }
}
