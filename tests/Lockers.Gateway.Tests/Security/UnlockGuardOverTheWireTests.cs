using Lockers.Core.Protocol;
using Lockers.Gateway.Dashboard;
using Lockers.Gateway.Guard;
using Lockers.Gateway.Link;
using Lockers.Gateway.Monitoring;
using Lockers.Gateway.Tests.Infrastructure;

namespace Lockers.Gateway.Tests.Security;

/// <summary>The unlock anomaly guard (ADR 0110) against a stolen locker certificate holding live codes.</summary>
public sealed class UnlockGuardOverTheWireTests
{
    [Fact]
    public async Task UnlocksOverTheSiteCeiling_AreHeld_TheReaderIsTold_UntilStaffRelease()
    {
        await using var stolen = await StolenLocker.StartAsync(parcels: 2, gatewaySettings: new Dictionary<string, string?>
        {
            ["Guard:SiteUnlocksPerMinute"] = "3", // the two deposits of the set-up, and one pickup
        });

        await stolen.EnterAsync(stolen.Parcels[0].Codes.Pin);
        await stolen.EnterAsync(stolen.Parcels[1].Codes.Pin);
        await stolen.WaitForGatewayAsync();
        await stolen.WaitForAlarmAsync(AlarmKinds.UnlockAnomaly);

        var commands = await stolen.CommandsAsync();
        Assert.Equal([CommandActions.Unlock, CommandActions.ShowMessageKey], commands.Select(command => command.Action));
        Assert.Equal(StolenLocker.Keypad, commands[1].Reader);

        var released = await stolen.System.Gateway.Factory.Service<UnlockHoldService>()
            .ReleaseAsync(HoldScopes.Site(GatewayFixture.SiteId), "door 1 checked on camera", "admin");
        Assert.True(released.Done);
        stolen.System.Gateway.Time.Advance(TimeSpan.FromMinutes(2)); // within the same minute it would trip again
        await stolen.EnterAsync(stolen.Parcels[1].Codes.Pin);
        await stolen.WaitForGatewayAsync();
        Assert.Equal(CommandActions.Unlock, (await stolen.CommandsAsync())[^1].Action);
    }
}
