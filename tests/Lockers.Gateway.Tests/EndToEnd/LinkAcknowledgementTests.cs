using Lockers.Core.Protocol;
using Lockers.Gateway.Link;
using Lockers.Gateway.Tests.Infrastructure;
using Lockers.Testing;
using Microsoft.Data.Sqlite;

namespace Lockers.Gateway.Tests.EndToEnd;

/// <summary>
/// Commit, then acknowledge: a message the gateway received but had not applied when it stopped is still with
/// the broker, which redelivers it to the next gateway of the same session.
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
            await using var blocker = new SqliteConnection($"Data Source={before.DatabasePath}");
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
}
