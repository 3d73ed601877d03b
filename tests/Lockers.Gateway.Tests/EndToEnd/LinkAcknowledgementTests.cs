using Lockers.Core.Protocol;
using Lockers.Gateway.Link;
using Lockers.Gateway.Tests.Infrastructure;
using Lockers.Testing;
using Microsoft.Data.Sqlite;

namespace Lockers.Gateway.Tests.EndToEnd;

/// <summary>
/// Commit, then acknowledge: a message the gateway received but had not applied when it stopped is still with
/// the broker, which redelivers it to the next gateway of the same session; a message that meets a busy database
/// is retried, not lost. Another connection holding the write lock plays the busy database.
/// </summary>
public sealed class LinkAcknowledgementTests
{
    [Fact]
    public async Task DoorEventReceivedButNotCommitted_WhenTheGatewayStops_IsRedeliveredAndApplied()
    {
        await using var broker = await LockerBroker.StartAsync();
        using var data = new TempDirectory();
        var settings = DepositInProgress.Settings(broker);

        // Short busy waits so the blocked unit of work gives up quickly once the gateway stops.
        settings["Store:BusyTimeoutMs"] = "500";

        DepositInProgress deposit;
        using (var before = new GatewayFixture(settings, data))
        {
            deposit = await DepositInProgress.StartAsync(before, broker, data);

            // Another writer holds the database: the door event arrives, and its unit of work cannot commit.
            await using var blocker = new SqliteConnection($"Data Source={before.DatabasePath};Pooling=False");
            await blocker.OpenAsync();
            await using (var begin = blocker.CreateCommand())
            {
                begin.CommandText = "BEGIN IMMEDIATE;";
                await begin.ExecuteNonQueryAsync();
            }

            var counters = before.Factory.Service<LinkCounters>();
            var received = counters.Received;
            await deposit.Locker.DoorAsync(deposit.Door, DoorStates.Opened);
            await Wait.UntilAsync(() => counters.Received > received, DepositInProgress.Timeout, "the gateway to receive the door event");

            // The gateway stops while the event is still being retried; the writer lets go only after that.
            before.Dispose();
            await using (var rollback = blocker.CreateCommand())
            {
                rollback.CommandText = "ROLLBACK;";
                await rollback.ExecuteNonQueryAsync();
            }
        }

        await using (deposit.Locker)
        {
            await deposit.Locker.DoorAsync(deposit.Door, DoorStates.Closed);
            using var after = new GatewayFixture(settings, data);

            // "ready_for_pickup" needs the opened event the first gateway never acknowledged, then the closed one.
            await deposit.WaitReadyForPickupAsync(after, "the restarted gateway to apply the redelivered opened event and the closed one");
        }
    }

    [Fact]
    public async Task DatabaseBusyForAMoment_DoorEventIsRetried_AndAppliedOnce()
    {
        await using var broker = await LockerBroker.StartAsync();
        using var data = new TempDirectory();
        var settings = DepositInProgress.Settings(broker);
        settings["Store:BusyTimeoutMs"] = "1000"; // the blocked event's first try gives up after 1 s; other writers wait as long
        using var gateway = new GatewayFixture(settings, data);
        var deposit = await DepositInProgress.StartAsync(gateway, broker, data);
        await using var locker = deposit.Locker;
        var counters = gateway.Factory.Service<LinkCounters>();

        await using (var blocker = new SqliteConnection($"Data Source={gateway.DatabasePath};Pooling=False"))
        {
            await blocker.OpenAsync();
            await using (var begin = blocker.CreateCommand())
            {
                begin.CommandText = "BEGIN IMMEDIATE;";
                await begin.ExecuteNonQueryAsync();
            }

            await locker.DoorAsync(deposit.Door, DoorStates.Opened);
            await Wait.UntilAsync(() => counters.Retries > 0, DepositInProgress.Timeout, "the link to retry the blocked door event");
            await using var rollback = blocker.CreateCommand();
            rollback.CommandText = "ROLLBACK;";
            await rollback.ExecuteNonQueryAsync();
        }

        // The writer let go: the next try applies the event.
        await locker.DoorAsync(deposit.Door, DoorStates.Closed);
        await deposit.WaitReadyForPickupAsync(gateway, "the retried opened event and the closed one to be applied");
        Assert.Equal(0, counters.Dropped(LinkDropReason.Failed));
    }
}
