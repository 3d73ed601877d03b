using Lockers.Gateway.Reservations.Doors;
using Lockers.Gateway.Codes;

namespace Lockers.Gateway.Tests.Infrastructure;

/// <summary>Plays the locker's part (what the MQTT link will do): enter codes, report door events with rising seq.</summary>
public sealed class LockerDriver(GatewayFactory factory)
{
    private long _seq;

    public long NextSeq() => Interlocked.Increment(ref _seq);

    public Task<CodeCheckResult> EnterAsync(string code, string keypad = "kp-1", string locker = "test-a", CodeSource source = CodeSource.Keypad) =>
        factory.Service<LockerCodeVerifier>().CheckCodeAsync(new CodeCheckRequest(GatewayFixture.SiteId, locker, keypad, code, source));

    public Task<DoorEventOutcome> OpenedAsync(Gateway.Registry.CompartmentRef compartment) =>
        factory.Service<DoorEventService>().ConfirmOpenedAsync(compartment.LockerId, compartment.Number, NextSeq());

    public Task<DoorClosedResult> ClosedAsync(Gateway.Registry.CompartmentRef compartment) =>
        factory.Service<DoorEventService>().ReportClosedAsync(compartment.LockerId, compartment.Number, NextSeq());

    /// <summary>Courier deposits with the drop-off code; returns the recipient's codes.</summary>
    public async Task<IssuedPickupCodes> DepositAsync(string dropoffCode)
    {
        var check = await EnterAsync(dropoffCode, keypad: "courier");
        Assert.Equal(CodeCheckOutcome.Accepted, check.Outcome);
        Assert.Equal(DoorEventOutcome.Applied, await OpenedAsync(check.Compartment!.Value));
        var closed = await ClosedAsync(check.Compartment!.Value);
        Assert.NotNull(closed.PickupCodes);
        return closed.PickupCodes!;
    }

    /// <summary>Recipient types the PIN, the door opens and closes.</summary>
    public async Task PickUpAsync(string pin, string keypad = "kp-1")
    {
        var check = await EnterAsync(pin, keypad);
        Assert.Equal(CodeCheckOutcome.Accepted, check.Outcome);
        Assert.Equal(DoorEventOutcome.Applied, await OpenedAsync(check.Compartment!.Value));
        await ClosedAsync(check.Compartment!.Value);
    }
}
