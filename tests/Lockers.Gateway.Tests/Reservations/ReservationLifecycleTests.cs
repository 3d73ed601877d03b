using Lockers.Core.Board;
using Lockers.Gateway.Codes;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Reservations;
using Lockers.Gateway.Store;
using Lockers.Gateway.Tests.Infrastructure;
using Lockers.Gateway.Webhooks;
using Lockers.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Tests.Reservations;

/// <summary>
/// The lifecycle against the real store: a step the table does not allow is refused with a reason and a log line,
/// and nothing at all is written; the guards refuse the same way. (The allowed steps are exercised end to end by the
/// API, door and expiry tests.)
/// </summary>
public sealed class ReservationLifecycleTests : IAsyncLifetime
{
    private readonly GatewayFixture _gateway = new();
    private readonly TestLogger _log = new(name: "lifecycle");
    private string _clientId = "";

    public async Task InitializeAsync()
    {
        await _gateway.ImportTestSiteAsync();
        _clientId = (await _gateway.CreateKeyAsync()).ClientId;
    }

    public Task DisposeAsync()
    {
        _gateway.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task EveryStepTheTableDoesNotList_IsRefused_Logged_AndWritesNothing()
    {
        var lifecycle = Lifecycle();
        var refused = 0;
        foreach (var status in Enum.GetValues<ReservationStatus>())
        {
            foreach (var step in Enum.GetValues<ReservationEvent>().Where(e => ReservationTransitions.Find(status, e) is null))
            {
                var reservation = await InsertAsync(status);
                var before = await SnapshotAsync();

                var result = await Store.ExecuteAsync(tx => lifecycle.ApplyAsync(tx, reservation, step,
                    new TransitionInput("test", Hours: 1, Compartment: new CompartmentRef("test-a", 4))));

                Assert.False(result.Applied, $"{ReservationTransitions.Name(step)} from {status.ToWire()} was applied");
                Assert.Contains($"The reservation is {status.ToWire()}; {ReservationTransitions.Name(step)} is possible only when it is", result.Refusal);
                Assert.Equal(before, await SnapshotAsync());
                Assert.Contains(_log.Lines, line => line.StartsWith("Warning", StringComparison.Ordinal)
                    && line.Contains($"{reservation.Id}: {ReservationTransitions.Name(step)} refused"));
                refused++;
            }
        }

        Assert.True(refused > 50, $"only {refused} pairs tried");
    }

    [Fact]
    public async Task Cancel_OnceTheDepositStarted_IsRefusedByTheGuard()
    {
        var reservation = await InsertAsync(ReservationStatus.Booked, depositedAt: _gateway.Time.GetUtcNow());
        var before = await SnapshotAsync();

        var result = await Store.ExecuteAsync(tx => Lifecycle().ApplyAsync(tx, reservation, ReservationEvent.Cancelled, new TransitionInput("test")));

        Assert.Equal("The reservation is being deposited; cancelled is possible only before the courier opens the door.", result.Refusal);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Expire_BeforeTheDeadline_IsRefusedByTheGuard()
    {
        var reservation = await InsertAsync(ReservationStatus.ReadyForPickup, deadline: _gateway.Time.GetUtcNow().AddMinutes(1));

        var result = await Store.ExecuteAsync(tx => Lifecycle().ApplyAsync(tx, reservation, ReservationEvent.Expired, new TransitionInput("gateway")));

        Assert.False(result.Applied);
        Assert.Equal(ReservationStatus.ReadyForPickup, (await Store.ReadAsync(tx => tx.Reservations.GetAsync(reservation.Id)))!.Status);
    }

    [Fact]
    public async Task Resume_AfterAPause_MovesTheDeadlineByTheTimePaused()
    {
        var deadline = _gateway.Time.GetUtcNow().AddHours(1);
        var reservation = await InsertAsync(ReservationStatus.ReadyForPickup, deadline: deadline);
        var lifecycle = Lifecycle();

        var paused = await Store.ExecuteAsync(tx => lifecycle.ApplyAsync(tx, reservation, ReservationEvent.Paused, new TransitionInput("test")));
        _gateway.Time.Advance(TimeSpan.FromMinutes(20));
        var resumed = await Store.ExecuteAsync(tx => lifecycle.ApplyAsync(tx, paused.Reservation, ReservationEvent.Resumed, new TransitionInput("test")));
        var again = await Store.ExecuteAsync(tx => lifecycle.ApplyAsync(tx, resumed.Reservation, ReservationEvent.Resumed, new TransitionInput("test")));

        Assert.Equal(deadline.AddMinutes(20), resumed.Reservation.PickupDeadline);
        Assert.Null(resumed.Reservation.PausedSince);
        Assert.Equal("The pickup window is not paused.", again.Refusal);
        Assert.Equal(resumed.Reservation.PickupDeadline, (await Store.ReadAsync(tx => tx.Reservations.GetAsync(reservation.Id)))!.PickupDeadline);
    }

    /// <summary>
    /// After a pickup the compartment stays held until its door closes (the "emptied" step). Staff must not read that
    /// as a booking: the locker page says the parcel was taken out and the door is free once it closes.
    /// </summary>
    [Fact]
    public async Task PickedUp_UntilTheDoorCloses_TheCompartmentReadsEmptying_ThenEmpty()
    {
        var reservation = await InsertAsync(ReservationStatus.ReadyForPickup);
        await Store.ExecuteAsync(tx => tx.Registry.TryHoldAsync(reservation.Compartment!.Value, reservation.Id));
        var lifecycle = Lifecycle();

        var picked = await Store.ExecuteAsync(tx => lifecycle.ApplyAsync(tx, reservation, ReservationEvent.PickedUp, new TransitionInput("test")));
        var whileOpen = await OccupancyAsync(1);
        await Store.ExecuteAsync(tx => lifecycle.ApplyAsync(tx, picked.Reservation, ReservationEvent.Emptied, new TransitionInput("test")));

        Assert.True(picked.Applied, picked.Refusal);
        Assert.Equal("emptying", whileOpen);
        Assert.Equal("empty", await OccupancyAsync(1));
    }

    private Task<string> OccupancyAsync(int number) =>
        Store.ReadAsync(async tx => (await tx.Monitoring.ListCompartmentsAsync("test-a")).Single(c => c.Number == number).Occupancy);

    private ILockerStore Store => _gateway.Factory.Service<ILockerStore>();

    /// <summary>The gateway's lifecycle parts, with a logger the test reads.</summary>
    private ReservationLifecycle Lifecycle() => new(_gateway.Factory.Service<CodeIssuer>(), _gateway.Factory.Service<SecretSealer>(), _gateway.Factory.Service<WebhookEnqueuer>(),
        _gateway.Factory.Service<IOptions<ReservationsOptions>>(), _gateway.Time, new Logger<ReservationLifecycle>(_log));

    /// <summary>A reservation in any status, written as a row (the test plays an earlier state of the store).</summary>
    private async Task<Reservation> InsertAsync(ReservationStatus status, DateTimeOffset? depositedAt = null, DateTimeOffset? deadline = null)
    {
        var reservation = new Reservation
        {
            Id = "rsv_test" + Guid.NewGuid().ToString("N")[..12],
            ClientId = _clientId,
            SiteId = GatewayFixture.SiteId,
            Size = CompartmentSize.S,
            Accessible = false,
            ParcelReference = "P-1",
            RecipientEmail = "hana@example.jp",
            PickupWindowHours = 72,
            Status = status,
            Compartment = new CompartmentRef("test-a", 1),
            CreatedAt = _gateway.Time.GetUtcNow(),
            DepositedAt = depositedAt ?? (status == ReservationStatus.Booked ? null : _gateway.Time.GetUtcNow()),
            PickupDeadline = deadline ?? (status == ReservationStatus.Booked ? null : _gateway.Time.GetUtcNow().AddHours(72)),
        };
        await Store.ExecuteAsync(tx => tx.Reservations.InsertAsync(reservation));
        return reservation;
    }

    /// <summary>Everything a step could write: reservations, holds, codes, webhooks, audit.</summary>
    private Task<string> SnapshotAsync() => Store.ReadAsync(async tx =>
    {
        var audit = await tx.Audit.ListRecentAsync(1000);
        var outbox = await tx.Outbox.ListAsync(null, 1000);
        var holds = await tx.Monitoring.ListCompartmentsAsync("test-a");
        var rows = new List<string>();
        foreach (var id in (await tx.Reservations.ListAsync(_clientId, null, null, 1000)).Select(r => r.Id))
        {
            var r = (await tx.Reservations.GetAsync(id))!;
            rows.Add($"{r.Id} {r.Status} {r.Compartment} {r.DepositedAt} {r.PickupDeadline} {r.PausedSince} {r.ExpiredAt} {r.ClosedAt} {r.PickupWindowHours}");
        }

        return string.Join("\n", rows) + $"\naudit={audit.Count} outbox={outbox.Count} holds=" +
               string.Join(",", holds.Select(c => $"{c.Number}:{c.ReservationId}")) + " codes=" + await CodesAsync();
    });

    private async Task<string> CodesAsync()
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_gateway.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) || '/' || COALESCE(SUM(status = 'live'), 0) FROM codes;";
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private sealed class Logger<T>(TestLogger inner) : ILogger<T>
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            inner.Log(logLevel, eventId, state, exception, formatter);
    }
}
