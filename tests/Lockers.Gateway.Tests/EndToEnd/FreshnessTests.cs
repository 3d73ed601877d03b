using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lockers.Core.App;
using Lockers.Core.Protocol;
using Lockers.Gateway.Audit;
using Lockers.Gateway.Staff;
using Lockers.Gateway.Tests.Monitoring;
using Lockers.Gateway.Webhooks;
using Lockers.Testing;
using Lockers.Core.Texts;

namespace Lockers.Gateway.Tests.EndToEnd;

/// <summary>
/// No door opens for someone who has left (issue 12, findings 3 and 4), with the real firmware in simulated lockers behind
/// relays the tests stall or cut: an answer past the code entry's window is never given, a remote open that never reaches
/// the locker is marked failed at its expiry and never runs late.
/// </summary>
public sealed class FreshnessTests
{
    [Fact]
    public async Task LateCodeEntry_LinkStalledPastTheAnswerWindow_NoDoorOpens_DisplaySaysTooLate_AndTheCodeStillWorksAfter()
    {
        await using var site = await SimulatedSite.StartAsync();
        // test-a's keep-alive outlasts the stall: with the site's 5 s one, a loaded machine could declare the link dead
        // (7.5 s) before the 6 s answer window ended, and the display would rightly say it cannot check codes now instead.
        var a = await site.StartLockerAsync("test-a", heartbeatS: 60);
        var b = await site.StartLockerAsync("test-b");
        var booked = await site.BookAsync("XL"); // test-b's only compartment
        var pin = await site.DepositAsync(booked);
        Assert.Equal(1, b.Cabinet[1].PulseCount);

        // The recipient types the PIN at the other controller while its route to the broker stalls. That controller's cache
        // has only its own parcels, so it waits for the gateway until its answer window ends, then says so.
        site.Relay("test-a").Stall();
        a.Type(pin + "#");
        await Wait.UntilAsync(() => a.Feedback.Text == EnglishMessages.Texts[MessageKeys.TooLate], SimulatedSite.Timeout, "test-a to say the answer came too late");
        site.Relay("test-a").Pass();

        // The held code entry reaches the gateway late: audited, never answered, no door opens.
        await Wait.UntilAsync(async () => (await site.AuditAsync("test-a")).Any(e => e.Action == AuditActions.CodeTooLate),
            SimulatedSite.Timeout, "the gateway to record the late code entry");
        Assert.Equal(1, b.Cabinet[1].PulseCount);
        Assert.Equal("ready_for_pickup", (await site.ReservationAsync(booked.Reservation.Id)).Status);
        Assert.Single(await site.CommandsAsync("test-b")); // the deposit's unlock only

        // Typed again while the recipient is there, it is answered at once.
        await site.WaitOnlineWithCacheAsync("test-a");
        a.Type(pin + "#");
        await SimulatedSite.WaitForDoorAsync(b, 1, open: true);
        b.Close(1);
        await site.WaitForStatusAsync(booked.Reservation.Id, "picked_up");
        await site.WebhookAsync(booked.Reservation.Id, WebhookEvents.PickedUp);
        Assert.Equal(2, b.Cabinet[1].PulseCount);
        Assert.Equal([WebhookEvents.Deposited, WebhookEvents.ReadyForPickup, WebhookEvents.PickedUp], site.WebhookTypesOf(booked.Reservation.Id));
    }

    [Fact]
    public async Task CodeForADoorOfAnotherLocker_ThatLockerDoesNotAnswer_KeypadLeavesCheckingAtItsWindow_AndNoDoorOpensLate()
    {
        await using var site = await SimulatedSite.StartAsync();
        var a = await site.StartLockerAsync("test-a");
        var b = await site.StartLockerAsync("test-b");
        var booked = await site.BookAsync("XL"); // test-b's only compartment
        var pin = await site.DepositAsync(booked);

        // test-b's route to the broker stalls: the gateway still counts it online and sends it the unlock, which never
        // arrives. The keypad of test-a, where the PIN was typed, must not stay at "Checking code...".
        site.Relay("test-b").Stall();
        a.Type(pin + "#");
        await Wait.UntilAsync(() => a.Feedback.Text == EnglishMessages.Texts[MessageKeys.Checking], SimulatedSite.Timeout, "test-a to check the code");
        await Wait.UntilAsync(() => a.Feedback.Text == EnglishMessages.Texts[MessageKeys.TooLate], SimulatedSite.Timeout,
            "test-a to give the entry up at the end of its answer window");

        // The unlock reaches test-b once its route is back, past its expiry: refused, the door stays shut, the code still works.
        site.Relay("test-b").Pass();
        await Wait.UntilAsync(async () => (await site.AuditAsync("test-b")).Any(e => e.Action == AuditActions.CommandRefused),
            SimulatedSite.Timeout, "test-b to refuse the stale unlock");
        Assert.Equal(1, b.Cabinet[1].PulseCount);
        Assert.Equal("ready_for_pickup", (await site.ReservationAsync(booked.Reservation.Id)).Status);
    }

    [Fact]
    public async Task RemoteOpen_ToALockerCutOffSilently_IsMarkedFailedAtItsExpiry_AndNeverRunsLate()
    {
        await using var site = await SimulatedSite.StartAsync();
        var a = await site.StartLockerAsync("test-a");
        var staff = await SignedInStaffAsync(site);

        site.Relay("test-a").Drop();
        using var accepted = await staff.PostAsync("/dashboard/api/lockers/test-a/compartments/3/open", new { reason = "testing a cut-off locker" });

        // Accepted, not done, and then truthfully failed once its short expiry has passed without an answer.
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var statusUrl = accepted.Headers.Location!.OriginalString;
        var sent = await staff.Http.GetFromJsonAsync<JsonElement>(statusUrl);
        Assert.Equal("sent", sent.GetProperty("status").GetString());
        JsonElement status = default;
        await Wait.UntilAsync(async () => (status = await staff.Http.GetFromJsonAsync<JsonElement>(statusUrl)).GetProperty("result").GetString() == "failed",
            SimulatedSite.Timeout, "the remote open to be marked failed");
        Assert.Equal(("no_answer", "no_answer", "failed: no answer from the locker"),
            (status.GetProperty("status").GetString(), status.GetProperty("reason").GetString(), status.GetProperty("text").GetString()));
        Assert.Contains(await site.AuditAsync("test-a"), e => e.Action == AuditActions.CommandUnanswered);

        // The route comes back: the old open never runs, a new one does.
        await site.PassAndWaitReconnectedAsync("test-a");
        using var again = await staff.PostAsync("/dashboard/api/lockers/test-a/compartments/3/open", new { reason = "the route is back" });
        await SimulatedSite.WaitForDoorAsync(a, 3, open: true);
        await Wait.UntilAsync(async () => (await staff.Http.GetFromJsonAsync<JsonElement>(again.Headers.Location!.OriginalString))
            .GetProperty("status").GetString() == "done", SimulatedSite.Timeout, "the second open's ok");
        Assert.Equal(1, a.Cabinet[3].PulseCount);
        Assert.Equal("no_answer", (await staff.Http.GetFromJsonAsync<JsonElement>(statusUrl)).GetProperty("status").GetString());
    }

    private static async Task<StaffClient> SignedInStaffAsync(SimulatedSite site)
    {
        await site.Gateway.Factory.Service<StaffService>().SaveAsync("mia", StaffRole.Maintenance, StaffClient.Password, "test");
        // As a browser does: https (so the secure cookies travel), cookies kept.
        var staff = new StaffClient(site.Gateway.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"),
            AllowAutoRedirect = false,
        }));
        (await staff.SignInAsync("mia")).EnsureSuccessStatusCode();
        return staff;
    }
}
