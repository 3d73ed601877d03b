using Lockers.Gateway.Link;
using Lockers.Core.Texts;
using Lockers.Core.Protocol;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Reservations;
using Lockers.Gateway.Tests.Infrastructure;

namespace Lockers.Gateway.Tests.EndToEnd;

/// <summary>How the gateway answers codes over MQTT: deny for a wrong one, the right controller for a parcel elsewhere at the site.</summary>
public sealed class CodeAnswerTests
{
    [Fact]
    public async Task WrongCode_OnKeypad_GetsSignedDenyForThatKeypad()
    {
        await using var system = await LinkedGateway.StartAsync();
        var locker = await system.ProvisionAndConnectAsync("test-a");

        await locker.EnterCodeAsync("00000000");

        var deny = await locker.NextCommandAsync();
        Assert.True(deny.Accepted, $"the locker refused the gateway's deny: {deny.Reason}");
        Assert.Equal(CommandActions.Deny, deny.Command!.Action);
        Assert.Equal(locker.Config.KeypadId, deny.Command.Reader);
    }

    [Fact]
    public async Task DropoffCode_ForParcelInOtherController_UnlocksThere_AndTellsTheKeypadWhereToGoOnlyOnceTheDoorOpened()
    {
        await using var system = await LinkedGateway.StartAsync();
        var keypadLocker = await system.ProvisionAndConnectAsync("test-a");
        var otherLocker = await system.ProvisionAndConnectAsync("test-b");
        var booked = await system.Api.BookAsync(ReservationRequests.Booking(size: "XL"));
        Assert.Equal("test-b", booked.Reservation.LockerId);

        await keypadLocker.EnterCodeAsync(booked.DropoffCode);

        var unlock = await otherLocker.NextCommandAsync();
        Assert.True(unlock.Accepted, $"test-b refused the unlock: {unlock.Reason}");
        Assert.Equal((CommandActions.Unlock, booked.Reservation.Compartment!.Value), (unlock.Command!.Action, unlock.Command.Compartment));
        // Nothing is said at the keypad before test-b has answered: its door may not open.
        Assert.Empty(await system.CommandsAsync("test-a"));

        await otherLocker.AnswerAsync(unlock);

        var told = await keypadLocker.NextCommandAsync();
        Assert.True(told.Accepted, $"test-a refused the message: {told.Reason}");
        Assert.Equal((CommandActions.ShowMessageKey, keypadLocker.Config.KeypadId), (told.Command!.Action, told.Command.Reader));
        Assert.Equal(ReaderMessages.Keyed(MessageKeys.GoToDoor, booked.Reservation.Compartment!.Value.ToString(), "Cabinet B"), told.Command.Text);
    }

    [Fact]
    public async Task DropoffCode_ForParcelInOtherController_ThatRefusesTheUnlock_KeypadIsToldTheDoorDidNotOpen()
    {
        await using var system = await LinkedGateway.StartAsync();
        var keypadLocker = await system.ProvisionAndConnectAsync("test-a");
        var otherLocker = await system.ProvisionAndConnectAsync("test-b");
        var booked = await system.Api.BookAsync(ReservationRequests.Booking(size: "XL"));

        await keypadLocker.EnterCodeAsync(booked.DropoffCode);
        var unlock = await otherLocker.NextCommandAsync();
        await otherLocker.AnswerAsync(CommandResultPayload.Failed(unlock.Command!.CommandId, CommandResults.OutOfService));

        var told = await keypadLocker.NextCommandAsync();
        Assert.Equal(CommandActions.ShowMessageKey, told.Command!.Action);
        Assert.Equal(ReaderMessages.Keyed(MessageKeys.DoorElsewhereOutOfService, "1", "Cabinet B"), told.Command.Text);
        Assert.DoesNotContain("Go to", told.Command.Text);
    }

    [Fact]
    public async Task DropoffCode_ForDoorOutOfServiceWithNothingElseFree_NoUnlock_KeypadIsToldTheDoorIsOutOfService()
    {
        await using var system = await LinkedGateway.StartAsync();
        var keypadLocker = await system.ProvisionAndConnectAsync("test-a");
        await system.ProvisionAndConnectAsync("test-b");
        var booked = await system.Api.BookAsync(ReservationRequests.Booking(size: "XL"));
        var change = await system.Gateway.Factory.Service<AvailabilityService>()
            .SetCompartmentInServiceAsync(new CompartmentRef("test-b", 1), false, "staff:mia");
        Assert.Equal(booked.Reservation.Id, Assert.Single(change.Stranded).Id); // the only XL: nowhere to move the booking

        await keypadLocker.EnterCodeAsync(booked.DropoffCode);

        var told = await keypadLocker.NextCommandAsync();
        Assert.Equal((CommandActions.ShowMessageKey, ReaderMessages.Keyed(MessageKeys.DoorElsewhereOutOfService, "1", "Cabinet B")), (told.Command!.Action, told.Command.Text));
        Assert.DoesNotContain(await system.CommandsAsync("test-b"), c => c.Action == CommandActions.Unlock);
    }

    [Fact]
    public async Task CodeEntry_PastItsAnswerWindow_IsNotAnswered_AndAnEntryInTimeIsAnsweredByName()
    {
        await using var system = await LinkedGateway.StartAsync();
        var locker = await system.ProvisionAndConnectAsync("test-a");
        var booked = await system.Api.BookAsync();
        var now = system.Gateway.Time.GetUtcNow();

        // Entered 6 s ago with a 6 s window: the person has gone; nothing is sent, it is audited.
        await locker.PublishAsync(LockerEvent.CodeEntered(CodeSources.Keypad, locker.Config.KeypadId, booked.DropoffCode, 1_000_001, 6000),
            now.AddSeconds(-6));
        // Entered 1 s ago with a 6 s window: answered, naming the entry, expiring with its window.
        await locker.PublishAsync(LockerEvent.CodeEntered(CodeSources.Keypad, locker.Config.KeypadId, booked.DropoffCode, 1_000_002, 6000),
            now.AddSeconds(-1));

        var unlock = await locker.NextCommandAsync();
        Assert.True(unlock.Accepted, unlock.Reason);
        Assert.Equal((CommandActions.Unlock, 1_000_002L), (unlock.Command!.Action, unlock.Command.Entry));
        // The window ends 5 s from now; the last valid second ends by then.
        Assert.Equal(now.AddSeconds(5).ToUnixTimeSeconds() - 1, unlock.Command.ExpiresAt);
        var audit = await system.Gateway.Factory.Service<Lockers.Gateway.Store.ILockerStore>()
            .ReadAsync(tx => tx.Monitoring.ListAuditAsync("test-a", 50));
        Assert.Single(audit, e => e.Action == Lockers.Gateway.Audit.AuditActions.CodeTooLate && e.Detail!.Contains("entry=1000001"));
        Assert.Single(await system.CommandsAsync("test-a"));
    }

    [Fact]
    public async Task CodeEntry_ForADoorOnAnotherController_UnlockCannotNameTheEntry_ButExpiresWithItsWindow_AndTheReplyNamesIt()
    {
        await using var system = await LinkedGateway.StartAsync();
        var keypadLocker = await system.ProvisionAndConnectAsync("test-a");
        var otherLocker = await system.ProvisionAndConnectAsync("test-b");
        var booked = await system.Api.BookAsync(ReservationRequests.Booking(size: "XL"));
        var now = system.Gateway.Time.GetUtcNow();

        await keypadLocker.PublishAsync(LockerEvent.CodeEntered(CodeSources.Keypad, keypadLocker.Config.KeypadId, booked.DropoffCode, 7_000_001, 4000),
            now);

        var unlock = await otherLocker.NextCommandAsync();
        Assert.Equal((0L, now.AddSeconds(4).ToUnixTimeSeconds() - 1), (unlock.Command!.Entry, unlock.Command.ExpiresAt));
        await otherLocker.AnswerAsync(unlock);

        // The "go to" message, once test-b answered, answers the entry typed at test-a and expires with its window.
        var told = await keypadLocker.NextCommandAsync();
        Assert.Equal((CommandActions.ShowMessageKey, 7_000_001L, now.AddSeconds(4).ToUnixTimeSeconds() - 1),
            (told.Command!.Action, told.Command.Entry, told.Command.ExpiresAt));
    }

    [Fact]
    public async Task CommandSignedForOneLocker_IsRefusedByAnother()
    {
        await using var system = await LinkedGateway.StartAsync();
        var lockerA = await system.ProvisionAndConnectAsync("test-a");
        var lockerB = await system.ProvisionAndConnectAsync("test-b");
        await lockerA.EnterCodeAsync("00000000");
        var deny = await lockerA.NextCommandAsync();

        // Replayed at B (as a compromised broker could): B's verifier refuses it.
        var refused = new Core.Commands.CommandVerifier("test-b", lockerB.Config.CommandKey, new TestClock(system.Gateway.Time), new MemoryStorage())
            .Verify(deny.Command!.ToJson());

        Assert.False(refused.Accepted);
        Assert.Equal(RefusalReasons.WrongLocker, refused.Reason);
    }
}
