using Lockers.Core.Board;
using Lockers.Core.Protocol;
using Lockers.Gateway.Audit;
using Lockers.Gateway.Tests.Infrastructure;
using Lockers.Testing;

namespace Lockers.Gateway.Tests.EndToEnd;

/// <summary>
/// A locker controller restarts (power cut) while a door stands open, and the door is shut by hand before it is back: the
/// boot event says which doors are open (ADR 0310), and a door the gateway knew open that is shut now is its close, with
/// what a close means for the parcel. Real Mosquitto, real SQLite, the firmware core in a simulated locker.
/// </summary>
public sealed class LockerRestartDoorTests
{
    [Fact]
    public async Task PickupDoorShutWhileTheControllerWasOff_TheBootClosesIt_AndTheCompartmentIsFreeAgain()
    {
        await using var site = await SimulatedSite.StartAsync();
        var b = await site.StartLockerAsync("test-b");
        var booked = await site.BookAsync("XL"); // test-b's only compartment
        var pin = await site.DepositAsync(booked);
        b.Type(pin + "#");
        await SimulatedSite.WaitForDoorAsync(b, 1, open: true);
        await site.WaitForStatusAsync(booked.Reservation.Id, "picked_up");
        Assert.Null(await FreeXlAsync(site)); // held until its door closes

        await b.PowerCutAsync();
        b.Close(1); // the recipient shuts the door while the controller is off
        await b.StartAsync();

        await Wait.UntilAsync(async () => await FreeXlAsync(site) is { Number: 1 }, SimulatedSite.Timeout,
            "the compartment to be free once the boot said its door is shut");
        var doors = await site.Store.ReadAsync(tx => tx.LockerEvents.ListDoorStatesAsync("test-b"));
        Assert.Equal(DoorStates.Closed, Assert.Single(doors).State);
        Assert.Contains(await site.AuditAsync("test-b"), e => e.Action == AuditActions.DoorClosed && e.ReservationId == booked.Reservation.Id);
    }

    private static Task<Lockers.Gateway.Registry.Compartment?> FreeXlAsync(SimulatedSite site) =>
        site.Store.ReadAsync(tx => tx.Registry.FindFreeCompartmentAsync(GatewayFixture.SiteId, CompartmentSize.XL, false));
}
