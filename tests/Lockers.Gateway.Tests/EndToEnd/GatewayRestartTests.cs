using Lockers.Core.Protocol;
using Lockers.Gateway.Tests.Infrastructure;
using Lockers.Testing;

namespace Lockers.Gateway.Tests.EndToEnd;

/// <summary>The gateway's persistent session: what lockers report while the gateway is down is applied when it is back.</summary>
public sealed class GatewayRestartTests
{
    [Fact]
    public async Task DoorEventsWhileGatewayIsDown_AreAppliedAfterItRestarts()
    {
        await using var broker = await LockerBroker.StartAsync();
        using var data = new TempDirectory();
        var settings = DepositInProgress.Settings(broker);

        DepositInProgress deposit;
        using (var before = new GatewayFixture(settings, data))
        {
            deposit = await DepositInProgress.StartAsync(before, broker, data);
        }

        await using (deposit.Locker)
        {
            // The gateway is gone; the broker queues these for its session.
            await deposit.Locker.DoorAsync(deposit.Door, DoorStates.Opened);
            await deposit.Locker.DoorAsync(deposit.Door, DoorStates.Closed);

            using var after = new GatewayFixture(settings, data);
            await deposit.WaitReadyForPickupAsync(after, "the restarted gateway to apply the queued door events");
        }
    }
}
