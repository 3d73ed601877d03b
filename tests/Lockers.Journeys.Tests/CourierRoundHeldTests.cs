using System.Net.Http.Json;
using Lockers.Core.Texts;
using Lockers.Gateway.Audit;
using Lockers.Gateway.Codes;
using Lockers.Gateway.Couriers;
using Lockers.Gateway.Dashboard;
using Lockers.Gateway.Guard;
using Lockers.Gateway.Monitoring;
using Lockers.Gateway.Reservations;
using Lockers.Gateway.Store;
using Lockers.Gateway.Webhooks;
using Lockers.Journeys.Tests.Support;
using Lockers.Testing;
using Xunit.Abstractions;

namespace Lockers.Journeys.Tests;

/// <summary>
/// A courier's round stopped part-way by the unlock guard (ADR 0312), through a simulated locker over Mosquitto: the next door
/// stays shut, the courier reads that the round is paused because unlocks are held here, what was deposited stays deposited
/// (its webhooks sent once), what was not stays booked with its drop-off code, and after staff release the hold the badge
/// carries on with what is left.
/// </summary>
public sealed class CourierRoundHeldTests(ITestOutputHelper output)
{
    [Fact]
    public async Task RoundOverTheSiteCeiling_PausesWithItsOwnText_LosesNothing_AndTheBadgeResumesRightAfterRelease()
    {
        // Three unlocks a minute at the site: the round's fourth door is one too many. The clock stands still, so the
        // release below comes within the same minute as the trip, as when staff are on the phone with the courier.
        await using var gateway = await JourneyGateway.StartAsync(new Dictionary<string, string?> { ["Guard:SiteUnlocksPerMinute"] = "3" });
        var bookings = await BookAsync(gateway, 5);
        var courier = await IssueCourierAsync(gateway);

        gateway.Locker.Type(courier.Pin + "#");
        for (var i = 0; i < 3; i++)
        {
            await DepositAsync(gateway, bookings[i]);
        }

        await ShowsAsync(gateway, Display(MessageKeys.RoundPaused, "3", "0"));
        var store = gateway.Service<ILockerStore>();
        await Wait.UntilAsync(async () => (await OpenAlarmsAsync(gateway)).Any(a => a.Kind == AlarmKinds.UnlockAnomaly), JourneyGateway.Timeout,
            "the unlock_anomaly alarm at the locker");
        await AssertPausedAsync(gateway, bookings, deposited: 3, courier, HoldScopes.Site(JourneyGateway.Station));
        var hold = Assert.Single(await store.ReadAsync(tx => tx.Guard.ListHoldsAsync()));
        Assert.Equal(UnlockHoldKind.Anomaly, hold.Kind);

        // Staff check the site and release; the courier scans the badge and the round goes on with the two left.
        Assert.True((await gateway.Service<UnlockHoldService>().ReleaseAsync(hold.Scope, "courier round, checked on camera", "alice")).Done);
        gateway.Locker.Scan(courier.BadgeToken);
        await DepositAsync(gateway, bookings[3], Display(MessageKeys.RoundDeposit, "1", "2", Door(bookings[3])));
        await DepositAsync(gateway, bookings[4], Display(MessageKeys.RoundDeposit, "2", "2", Door(bookings[4])));
        await ShowsAsync(gateway, Display(MessageKeys.RoundDone, "2", "0"));

        await AssertEveryParcelDepositedOnceAsync(gateway, bookings);
        var audit = await store.ReadAsync(tx => tx.Audit.ListRecentAsync(500));
        Assert.Equal(2, audit.Count(e => e.Action == AuditActions.RoundStarted && e.Actor == $"courier:{courier.Courier.Id}"));
        Assert.Contains(audit, e => e.Action == AuditActions.RoundEnded && e.Detail!.Contains("deposited=2 collected=0 skipped=0 (nothing left)"));
    }

    [Fact]
    public async Task StaffHoldMidRound_TheOpenDoorStillDeposits_TheNextStaysShut_TheBadgeIsNotCheckedWhileHeld_AndResumesAfterRelease()
    {
        await using var gateway = await JourneyGateway.StartAsync();
        var bookings = await BookAsync(gateway, 3);
        var courier = await IssueCourierAsync(gateway);
        var holds = gateway.Service<UnlockHoldService>();

        gateway.Locker.Type(courier.Pin + "#");
        var first = Door(bookings[0]);
        await gateway.WaitForDoorAsync(int.Parse(first), open: true);
        await Wait.UntilAsync(async () => (await gateway.ReservationAsync(bookings[0].Reservation.Id)).DepositedAt is not null, JourneyGateway.Timeout,
            "the first door's opening to be applied");
        // Staff see something on camera and hold the site while the courier's first parcel is going in.
        Assert.True((await holds.HoldAsync(JourneyGateway.Station, "camera 2 shows someone at the cabinet", "bob")).Done);
        gateway.Locker.Close(int.Parse(first));
        await gateway.WaitForStatusAsync(bookings[0].Reservation.Id, ReservationStatus.ReadyForPickup);

        await ShowsAsync(gateway, Display(MessageKeys.RoundPaused, "1", "0"));
        await AssertPausedAsync(gateway, bookings, deposited: 1, courier, HoldScopes.Site(JourneyGateway.Station));

        // A hold already in place when the badge is scanned: the badge is not checked and no round starts (ADR 0124).
        gateway.Locker.Scan(courier.BadgeToken);
        await ShowsAsync(gateway, Display(MessageKeys.ServicePaused));
        var store = gateway.Service<ILockerStore>();
        Assert.Null(await store.ReadAsync(tx => tx.Rounds.FindOpenAsync(JourneyGateway.LockerId)));
        Assert.Single(await store.ReadAsync(tx => tx.Audit.ListRecentAsync(500)), e => e.Action == AuditActions.RoundStarted);

        // The scanner ignores the same badge read again within seconds (a held code), so the courier goes on with the PIN.
        Assert.True((await holds.ReleaseAsync(HoldScopes.Site(JourneyGateway.Station), "it was the cleaner", "alice")).Done);
        gateway.Locker.Type(courier.Pin + "#");
        await DepositAsync(gateway, bookings[1], Display(MessageKeys.RoundDeposit, "1", "2", Door(bookings[1])));
        await DepositAsync(gateway, bookings[2], Display(MessageKeys.RoundDeposit, "2", "2", Door(bookings[2])));
        await ShowsAsync(gateway, Display(MessageKeys.RoundDone, "2", "0"));
        await AssertEveryParcelDepositedOnceAsync(gateway, bookings);
    }

    /// <summary>
    /// The round stopped after <paramref name="deposited"/> parcels: the next door is shut, no round is open, the parcels
    /// deposited are ready, the others booked and not started with a live drop-off code, and the audit says the hold stopped it.
    /// </summary>
    private async Task AssertPausedAsync(JourneyGateway gateway, IReadOnlyList<BookedReservationResponse> bookings, int deposited,
        IssuedCourierResponse courier, string scope)
    {
        var store = gateway.Service<ILockerStore>();
        try
        {
            Assert.Null(await store.ReadAsync(tx => tx.Rounds.FindOpenAsync(JourneyGateway.LockerId)));
            for (var i = 0; i < bookings.Count; i++)
            {
                var reservation = await gateway.ReservationAsync(bookings[i].Reservation.Id);
                if (i < deposited)
                {
                    Assert.Equal(ReservationStatus.ReadyForPickup, reservation.Status);
                    continue;
                }

                Assert.False(gateway.Locker.Cabinet[reservation.Compartment!.Value.Number].IsOpen, $"door {reservation.Compartment} opened while held");
                Assert.Equal((ReservationStatus.Booked, (DateTimeOffset?)null), (reservation.Status, reservation.DepositedAt));
                Assert.Equal(bookings[i].Reservation.Compartment, reservation.Compartment!.Value.Number);
                Assert.NotNull(await store.ReadAsync(tx => tx.Codes.FindLiveForReservationAsync(reservation.Id, CodeKind.Dropoff)));
            }

            var audit = await store.ReadAsync(tx => tx.Audit.ListRecentAsync(500));
            var actor = $"courier:{courier.Courier.Id}";
            var held = Assert.Single(audit, e => e.Action == AuditActions.RoundHeld && e.Actor == actor);
            Assert.Contains($"scope={scope}", held.Detail);
            Assert.Equal(bookings[deposited].Reservation.Id, held.ReservationId);
            Assert.Contains(audit, e => e.Action == AuditActions.RoundEnded && e.Actor == actor
                && e.Detail!.Contains($"deposited={deposited} collected=0") && e.Detail.Contains("stopped by the unlock hold"));
            Assert.DoesNotContain(audit, e => e.Action == AuditActions.CodeHeld && e.Actor == actor);
        }
        catch
        {
            await DumpAsync(gateway);
            throw;
        }
    }

    /// <summary>Every parcel ready, and its deposited and ready_for_pickup webhooks queued exactly once.</summary>
    private static async Task AssertEveryParcelDepositedOnceAsync(JourneyGateway gateway, IReadOnlyList<BookedReservationResponse> bookings)
    {
        var store = gateway.Service<ILockerStore>();
        foreach (var booked in bookings)
        {
            Assert.Equal(ReservationStatus.ReadyForPickup, (await gateway.ReservationAsync(booked.Reservation.Id)).Status);
            var outbox = await store.ReadAsync(tx => tx.Outbox.ListAsync(booked.Reservation.Id, 50));
            Assert.Single(outbox, m => m.EventType == WebhookEvents.Deposited);
            Assert.Single(outbox, m => m.EventType == WebhookEvents.ReadyForPickup);
            Assert.DoesNotContain(outbox, m => m.EventType == WebhookEvents.DropoffCodeChanged);
        }
    }

    /// <summary>The round's door for <paramref name="booked"/> opens (showing <paramref name="instruction"/> when given); the courier puts the parcel in and closes it.</summary>
    private async Task DepositAsync(JourneyGateway gateway, BookedReservationResponse booked, string? instruction = null)
    {
        var door = booked.Reservation.Compartment!.Value;
        try
        {
            await gateway.WaitForDoorAsync(door, open: true);
            if (instruction is not null)
            {
                await gateway.WaitForDisplayAsync(instruction);
            }

            await Wait.UntilAsync(async () => (await gateway.ReservationAsync(booked.Reservation.Id)).DepositedAt is not null, JourneyGateway.Timeout,
                $"door {door}'s opening to be applied");
        }
        catch (TimeoutException)
        {
            await DumpAsync(gateway);
            throw;
        }

        gateway.Locker.Close(door);
        await gateway.WaitForStatusAsync(booked.Reservation.Id, ReservationStatus.ReadyForPickup);
    }

    private async Task ShowsAsync(JourneyGateway gateway, string text)
    {
        try
        {
            await gateway.WaitForDisplayAsync(text);
        }
        catch (TimeoutException)
        {
            await DumpAsync(gateway);
            throw;
        }
    }

    private async Task DumpAsync(JourneyGateway gateway)
    {
        output.WriteLine("display: " + gateway.Locker.Feedback.Text);
        foreach (var e in (await gateway.Service<ILockerStore>().ReadAsync(tx => tx.Audit.ListRecentAsync(60))).Reverse())
        {
            output.WriteLine($"{e.Actor} {e.Action} {e.LockerId}/{e.Compartment} {e.ReservationId} {e.Detail}");
        }
    }

    private static Task<IReadOnlyList<MonitoredAlarm>> OpenAlarmsAsync(JourneyGateway gateway) =>
        gateway.Service<ILockerStore>().ReadAsync(tx => tx.Monitoring.ListAlarmsAsync(null, openOnly: true, 20));

    /// <summary>Small parcels booked at the station, in door order (the order a round opens them).</summary>
    private static async Task<List<BookedReservationResponse>> BookAsync(JourneyGateway gateway, int count)
    {
        var bookings = new List<BookedReservationResponse>();
        for (var i = 1; i <= count; i++)
        {
            bookings.Add(await gateway.BookAsync("S", $"JP-HELD-{i:00}"));
        }

        return bookings.OrderBy(b => b.Reservation.Compartment).ToList();
    }

    private static async Task<IssuedCourierResponse> IssueCourierAsync(JourneyGateway gateway)
    {
        var response = await gateway.Api.PostAsJsonAsync("/api/v1/couriers", new { name = "Sato" });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<IssuedCourierResponse>(JourneyGateway.Json))!;
    }

    private static string Door(BookedReservationResponse booked) => booked.Reservation.Compartment!.Value.ToString();

    /// <summary>What the locker (language ja, the site's) shows for a keyed text.</summary>
    private static string Display(int key, params string[] arguments) =>
        new DisplayMessages(DisplayLanguages.Japanese).FromWire(string.Join('|', [MessageKeys.Names[key], .. arguments]))!;
}
