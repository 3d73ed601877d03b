using Lockers.Core.Protocol;
using Lockers.Gateway.Audit;
using Lockers.Gateway.Monitoring;
using Lockers.Gateway.Reservations;

namespace Lockers.Gateway.Tests.Security;

/// <summary>
/// Issue 13, findings 3 and 4 and the site budget of finding 2, tried with a stolen locker certificate at the locker's own
/// readers (ADR 0108). Each test failed on the code before: an accepted code behind a door held shut reset the keypad, the
/// scanner was never throttled, and nothing counted per site.
/// </summary>
public sealed class GuessingTests
{
    [Fact]
    public async Task Finding3_RoundsOfThreeGuessesBehindAJammedDoor_AreHeldFromTheSecondRound()
    {
        await using var stolen = await StolenLocker.StartAsync();

        for (var round = 0; round < 2; round++)
        {
            for (var guess = 0; guess < 3; guess++)
            {
                await stolen.EnterAsync($"{200000 + round * 10 + guess}");
            }
            await stolen.EnterAsync(stolen.Codes.Pin);                              // the thief's own live code ...
            await stolen.DoorAsync(stolen.Parcels[0].Compartment, DoorStates.Jammed); // ... and a door held shut
        }
        await stolen.WaitForGatewayAsync();

        // Round 2's first guess is the 4th failure in a row: the keypad waits 5 s, so the rest of the round is not checked.
        Assert.Equal(4, await stolen.CountAuditAsync(AuditActions.CodeRejected));
        Assert.Equal(3, await stolen.CountAuditAsync(AuditActions.CodeThrottled)); // 2 guesses and the live code
        Assert.Equal(ReservationStatus.ReadyForPickup, await stolen.ParcelStatusAsync());
    }

    [Fact]
    public async Task Finding4_ShortCodesAtTheScanner_AreHeld_WhileTheQrTokenStillOpens()
    {
        await using var stolen = await StolenLocker.StartAsync();

        for (var i = 0; i < 6; i++)
        {
            await stolen.EnterAsync($"{300000 + i}", CodeSources.Qr);     // 6-digit
            await stolen.EnterAsync($"{40000000 + i}", CodeSources.Qr);   // 8-digit, drop-off shaped
        }
        await stolen.EnterAsync(stolen.Codes.QrToken, CodeSources.Qr);
        await stolen.WaitForGatewayAsync();

        Assert.Equal(4, await stolen.CountAuditAsync(AuditActions.CodeRejected));
        Assert.Equal(8, await stolen.CountAuditAsync(AuditActions.CodeThrottled));
        var unlock = Assert.Single(await stolen.CommandsAsync(), command => command.Action == CommandActions.Unlock);
        Assert.Equal(stolen.Parcels[0].Compartment, unlock.Compartment);
    }

    [Fact]
    public async Task Finding2_SiteBudgetSpent_HoldsPinsAtTheSite_AndRaisesGuessingBudget()
    {
        await using var stolen = await StolenLocker.StartAsync(gatewaySettings: new Dictionary<string, string?>
        {
            ["Throttle:DelaysSeconds:0"] = "0", // no reader or locker delays: the site budget alone
            ["Throttle:SiteFailureBudget"] = "5",
        });

        for (var i = 0; i < 5; i++)
        {
            await stolen.EnterAsync($"{500000 + i}");
        }
        await stolen.EnterAsync(stolen.Codes.Pin);
        await stolen.WaitForGatewayAsync();

        Assert.Equal(5, await stolen.CountAuditAsync(AuditActions.CodeRejected));
        Assert.Equal(1, await stolen.CountAuditAsync(AuditActions.CodeThrottled));
        Assert.Equal(ReservationStatus.ReadyForPickup, await stolen.ParcelStatusAsync());
        await stolen.WaitForAlarmAsync(AlarmKinds.GuessingBudget);
    }
}
