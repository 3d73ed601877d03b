using System.Net.Http.Json;
using Lockers.Core.Texts;
using Lockers.Gateway.Audit;
using Lockers.Gateway.Couriers;
using Lockers.Gateway.Expiry;
using Lockers.Gateway.Reservations;
using Lockers.Gateway.Store;
using Lockers.Journeys.Tests.Support;
using Lockers.Testing;
using Xunit.Abstractions;

namespace Lockers.Journeys.Tests;

/// <summary>
/// A courier's round through a simulated locker (the firmware core on a simulated cabinet, over Mosquitto): one PIN opens
/// ten drop-offs in turn, each as the previous door closes, with one parcel too big for its door, then the parcel to
/// collect; compared with the same ten parcels done with today's per-parcel drop-off codes.
/// </summary>
public sealed class CourierRoundTests(ITestOutputHelper output)
{
    private const int Parcels = 10;

    [Fact]
    public async Task TenParcelRound_OpensEveryDoorInTurn_MovesATooBigParcel_CollectsTheExpiredOne_AndTakesFarFewerKeys()
    {
        var round = await RunRoundAsync();
        var perParcel = await RunPerParcelCodesAsync();

        output.WriteLine($"round (PIN):        {round}");
        output.WriteLine($"per-parcel codes:   {perParcel}");
        Directory.CreateDirectory(PhonePage.ScreenshotDirectory);
        await File.WriteAllTextAsync(Path.Combine(PhonePage.ScreenshotDirectory, "..", "courier-round-comparison.txt"),
            $"10 drop-offs and 1 collection at one locker\nround (PIN):      {round}\nper-parcel codes: {perParcel}\n");
        Assert.Equal(12, round.Keys); // the 9-digit PIN and #, then 0# once
        Assert.Equal(Parcels * 9 + 9, perParcel.Keys); // an 8-digit code and # per parcel, the collect code too
        Assert.True(round.SimulatedSeconds < perParcel.SimulatedSeconds * 0.7,
            $"the round ({round.SimulatedSeconds:0} s) should save at least 30% of the per-parcel codes' time ({perParcel.SimulatedSeconds:0} s)");
    }

    /// <summary>One expired parcel to collect, ten to put in; a courier's PIN runs the round.</summary>
    private async Task<DoorWork> RunRoundAsync()
    {
        await using var gateway = await JourneyGateway.StartAsync();
        var work = new DoorWork();
        gateway.Locker.Keypad.KeyPressed += _ => work.Keys++;
        var expired = await PrepareExpiredParcelAsync(gateway);
        // The round opens the doors in their order along the cabinet.
        var bookings = (await BookTenAsync(gateway)).OrderBy(b => b.Reservation.Compartment).ToList();
        work.Keys = 0; // the courier's round starts here; the expired parcel's deposit was someone else's
        var courier = await IssueCourierAsync(gateway);

        var display = new DisplayLog(gateway);
        gateway.Locker.Type(courier.Pin + "#");
        work.Answers++;
        var store = gateway.Service<ILockerStore>();
        for (var i = 0; i < Parcels; i++)
        {
            var booked = bookings[i];
            var door = booked.Reservation.Compartment!.Value;
            try
            {
                await gateway.WaitForDoorAsync(door, open: true);
            }
            catch (TimeoutException)
            {
                output.WriteLine("display: " + gateway.Locker.Feedback.Text);
                foreach (var e in (await store.ReadAsync(tx => tx.Audit.ListRecentAsync(40))).Reverse())
                {
                    output.WriteLine($"{e.Actor} {e.Action} {e.LockerId}/{e.Compartment} {e.ReservationId} {e.Detail}");
                }

                throw;
            }

            var position = $"{i + 1}/{Parcels}";
            await gateway.WaitForDisplayAsync(Display(MessageKeys.RoundDeposit, (i + 1).ToString(), Parcels.ToString(), door.ToString()));
            if (i == 0)
            {
                // The courier stands at the open door longer than the display's hold: the step's guidance stays (ADR 0311),
                // also over the locker's own "door 2 opened".
                var guidance = Display(MessageKeys.RoundDeposit, "1", Parcels.ToString(), door.ToString());
                await display.WaitForAsync(0, Display(MessageKeys.DoorOpened, door.ToString()), guidance);
                await AssertDisplayAfterTheHoldAsync(gateway, guidance);
                var beforeMove = display.Count;

                // Too big for its door: 0# moves the booking to a larger free door, which opens; the first one is closed empty.
                gateway.Locker.Type("0#");
                work.Answers++;
                await Wait.UntilAsync(async () => (await gateway.ReservationAsync(booked.Reservation.Id)).Compartment!.Value.Number != door,
                    JourneyGateway.Timeout, "the booking to move to a larger door");
                gateway.Locker.Close(door);
                door = (await gateway.ReservationAsync(booked.Reservation.Id)).Compartment!.Value.Number;
                Assert.Equal(1, door); // the only free larger door: the XL
                await gateway.WaitForDoorAsync(door, open: true);
                work.Doors++;

                // The first door, no longer the round's, was closed empty: the guidance for the larger door stays up.
                var larger = Display(MessageKeys.RoundDeposit, "1", Parcels.ToString(), door.ToString());
                await display.WaitForAsync(beforeMove, Display(MessageKeys.DoorOpened, door.ToString()), larger);
                await AssertDisplayAfterTheHoldAsync(gateway, larger);
            }

            await Wait.UntilAsync(async () => (await gateway.ReservationAsync(booked.Reservation.Id)).DepositedAt is not null, JourneyGateway.Timeout,
                $"parcel {position}'s door opening to be applied");
            gateway.Locker.Close(door);
            work.Doors++;
            await gateway.WaitForStatusAsync(booked.Reservation.Id, ReservationStatus.ReadyForPickup);
        }

        // Then the parcel to collect, on the same round.
        var expiredDoor = expired.Reservation.Compartment!.Value;
        await gateway.WaitForDoorAsync(expiredDoor, open: true);
        await gateway.WaitForStatusAsync(expired.Reservation.Id, ReservationStatus.Returned);
        gateway.Locker.Close(expiredDoor);
        work.Doors++;
        await gateway.WaitForDisplayAsync(Display(MessageKeys.RoundDone, Parcels.ToString(), "1"));
        // The round is over: its last text goes after the usual hold, and the locker is ready for the next person.
        await AssertDisplayAfterTheHoldAsync(gateway, Display(MessageKeys.Ready));

        // Everything on the courier's audit trail; the round is over.
        var audit = await store.ReadAsync(tx => tx.Audit.ListRecentAsync(500));
        var byCourier = audit.Where(e => e.Actor == $"courier:{courier.Courier.Id}").ToList();
        Assert.Single(byCourier, e => e.Action == AuditActions.RoundStarted);
        Assert.Equal(Parcels + 2, byCourier.Count(e => e.Action == AuditActions.RoundStep)); // ten drop-offs, the larger door, the collection
        Assert.Single(byCourier, e => e.Action == AuditActions.RoundDidNotFit);
        Assert.Contains(byCourier, e => e.Action == AuditActions.RoundEnded && e.Detail!.Contains("deposited=10 collected=1"));
        Assert.Null(await store.ReadAsync(tx => tx.Rounds.FindOpenAsync(JourneyGateway.LockerId)));
        return work;
    }

    /// <summary>The same work with a code per parcel: back to the keypad, read the label, type the code, for every door.</summary>
    private async Task<DoorWork> RunPerParcelCodesAsync()
    {
        await using var gateway = await JourneyGateway.StartAsync();
        var work = new DoorWork();
        var expired = await PrepareExpiredParcelAsync(gateway);
        var collectCode = (await gateway.WebhookSecretsAsync(expired.Reservation.Id, "expired")).GetProperty("collectCode").GetString()!;
        var bookings = await BookTenAsync(gateway);
        gateway.Locker.Keypad.KeyPressed += _ => work.Keys++;

        foreach (var booked in bookings)
        {
            work.TripsToKeypad++;
            work.LabelsRead++;
            work.Answers++;
            work.Doors++;
            await gateway.DepositAsync(booked);
        }

        work.TripsToKeypad++;
        work.LabelsRead++;
        work.Answers++;
        work.Doors++;
        await gateway.OpenAndCloseAsync(collectCode, expired.Reservation.Compartment!.Value, expired.Reservation.Id,
            r => r.Status == ReservationStatus.Returned, ReservationStatus.Returned);
        return work;
    }

    /// <summary>A parcel deposited with its code and left until its window ran out: the carrier has to collect it.</summary>
    private static async Task<BookedReservationResponse> PrepareExpiredParcelAsync(JourneyGateway gateway)
    {
        var booked = await gateway.BookAsync("S", "JP-EXPIRED");
        await gateway.DepositAsync(booked);
        gateway.Time.Advance(TimeSpan.FromHours(73));
        Assert.Equal(1, await gateway.Service<ExpiryService>().ExpireDueAsync());
        return booked;
    }

    private static async Task<List<BookedReservationResponse>> BookTenAsync(JourneyGateway gateway)
    {
        var bookings = new List<BookedReservationResponse>();
        for (var i = 1; i <= Parcels; i++)
        {
            bookings.Add(await gateway.BookAsync("S", $"JP-ROUND-{i:00}"));
        }

        return bookings;
    }

    private static async Task<IssuedCourierResponse> IssueCourierAsync(JourneyGateway gateway)
    {
        var response = await gateway.Api.PostAsJsonAsync("/api/v1/couriers", new { name = "Sato" });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<IssuedCourierResponse>(JourneyGateway.Json))!;
    }

    /// <summary>
    /// Moves the locker's uptime past the display's hold (no waiting: its own clock, <see cref="LockerUptime"/>) and checks
    /// that every text its display showed meanwhile, and the one it shows now, is <paramref name="expected"/>.
    /// </summary>
    private static async Task AssertDisplayAfterTheHoldAsync(JourneyGateway gateway, string expected)
    {
        var shown = new System.Collections.Concurrent.ConcurrentQueue<string>();
        void Redrawn() => shown.Enqueue(gateway.Locker.Feedback.Text);
        gateway.Locker.Feedback.Changed += Redrawn;
        try
        {
            gateway.LockerClock.Skip(TimeSpan.FromMilliseconds(Lockers.Core.App.LockerController.DisplayHoldMs + 1_000));
            await Wait.UntilAsync(() => gateway.LockerClock.CaughtUp && !shown.IsEmpty, JourneyGateway.Timeout,
                $"the locker's display to be redrawn once its hold ran out (it shows '{gateway.Locker.Feedback.Text}')");
        }
        finally
        {
            gateway.Locker.Feedback.Changed -= Redrawn;
        }

        Assert.All(shown, text => Assert.Equal(expected, text));
        Assert.Equal(expected, gateway.Locker.Feedback.Text);
    }

    /// <summary>Every text the simulated locker's display showed, in order, from its creation on.</summary>
    private sealed class DisplayLog
    {
        private readonly JourneyGateway _gateway;
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _texts = new();
        private string _last = "";

        public DisplayLog(JourneyGateway gateway)
        {
            _gateway = gateway;
            gateway.Locker.Feedback.Changed += () =>
            {
                var text = gateway.Locker.Feedback.Text;
                lock (_texts)
                {
                    if (text != _last)
                    {
                        _texts.Enqueue(text);
                        _last = text;
                    }
                }
            };
        }

        public int Count => _texts.Count;

        /// <summary>Waits until, from entry <paramref name="from"/> on, the display showed <paramref name="sequence"/> in that order and shows its last text now.</summary>
        public Task WaitForAsync(int from, params string[] sequence) =>
            Wait.UntilAsync(() => Showed(from, sequence) && _gateway.Locker.Feedback.Text == sequence[^1], JourneyGateway.Timeout,
                $"the display to show '{string.Join("', then '", sequence)}' (it showed '{string.Join("', '", _texts.Skip(from))}')");

        private bool Showed(int from, string[] sequence)
        {
            var next = 0;
            foreach (var text in _texts.Skip(from))
            {
                if (next < sequence.Length && text == sequence[next])
                {
                    next++;
                }
            }

            return next == sequence.Length;
        }
    }

    /// <summary>What the locker (language ja, the site's) shows for a keyed text.</summary>
    private static string Display(int key, params string[] arguments) =>
        new DisplayMessages(DisplayLanguages.Japanese).FromWire(string.Join('|', [MessageKeys.Names[key], .. arguments]))!;
}
