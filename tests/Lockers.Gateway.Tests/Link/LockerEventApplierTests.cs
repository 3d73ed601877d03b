using Lockers.Core.Protocol;
using Lockers.Gateway.Audit;
using Lockers.Gateway.Codes;
using Lockers.Gateway.Link;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Store;
using Lockers.Gateway.Tests.Infrastructure;

namespace Lockers.Gateway.Tests.Link;

/// <summary>
/// The events that only inform (and command answers): recorded once and audited. Their alarms are raised by locker
/// health, fed after the commit (Monitoring/LockerHealthFeedTests, EndToEnd/LinkHealthTests), never written here.
/// </summary>
public sealed class LockerEventApplierTests : IAsyncLifetime
{
    private readonly GatewayFixture _gateway = new();
    private readonly Locker _locker = new("test-a", GatewayFixture.SiteId, "Cabinet A");

    public async Task InitializeAsync() => await _gateway.ImportTestSiteAsync();

    public Task DisposeAsync()
    {
        _gateway.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Tamper_AppliedOnce_IsAuditedOnce()
    {
        var tamper = Numbered(LockerEvent.Tamper("case opened"), 4);

        var first = await Applier.ApplyAsync(_locker, tamper, CancellationToken.None);
        var again = await Applier.ApplyAsync(_locker, tamper, CancellationToken.None);

        Assert.Equal((LinkOutcome.Applied, LinkOutcome.Duplicate), (first, again));
        Assert.Single(await AuditAsync(), a => a.Action == AuditActions.Tamper && a.Detail == "seq=4 case opened");
    }

    [Theory]
    [InlineData(DoorStates.Forced, AuditActions.DoorForced)]
    [InlineData(DoorStates.LeftOpen, AuditActions.DoorLeftOpen)]
    public async Task DoorForcedOrLeftOpen_IsAuditedForThatDoor(string state, string action)
    {
        var outcome = await Applier.ApplyAsync(_locker, Numbered(LockerEvent.Door(3, state), 9), CancellationToken.None);

        Assert.Equal(LinkOutcome.Applied, outcome);
        Assert.Single(await AuditAsync(), a => a.Action == action && a.Compartment == 3);
    }

    [Fact]
    public async Task UnknownKind_IsRecorded()
    {
        var newer = Numbered(new LockerEvent { Kind = "firmware_updated" }, 11);

        var outcome = await Applier.ApplyAsync(_locker, newer, CancellationToken.None);

        Assert.Equal(LinkOutcome.Applied, outcome);
        var audit = await AuditAsync();
        Assert.Contains(audit, a => a.Action == AuditActions.UnknownEvent && a.Detail!.Contains("kind=firmware_updated"));
    }

    [Fact]
    public async Task CommandRefused_IsAuditedWithTheCommandAndReason()
    {
        await Applier.ApplyAsync(_locker, Numbered(LockerEvent.CommandRefused("c-2", RefusalReasons.BadSignature), 2), CancellationToken.None);

        Assert.Single(await AuditAsync(), a => a.Action == AuditActions.CommandRefused && a.Detail == "seq=2 command=c-2 reason=bad_signature");
    }

    [Fact]
    public async Task ResultForUnknownCommand_IsAuditedWithNoEffect()
    {
        var outcome = await _gateway.Factory.Service<CommandResultRecorder>()
            .RecordAsync(_locker, CommandResultPayload.Failed("c-404", CommandResults.Jammed), CancellationToken.None);

        Assert.Equal(LinkOutcome.NoEffect, outcome);
        var audit = await Store.ExecuteAsync(tx => tx.Audit.ListRecentAsync(5));
        Assert.Contains(audit, a => a.Action == AuditActions.CommandResult && a.Detail!.Contains("id=c-404 result=failed reason=jammed"));
    }

    private LockerEventApplier Applier => _gateway.Factory.Service<LockerEventApplier>();

    private ILockerStore Store => _gateway.Factory.Service<ILockerStore>();

    private Task<IReadOnlyList<AuditEntry>> AuditAsync() => Store.ExecuteAsync(tx => tx.Audit.ListRecentAsync(10));

    private static LockerEvent Numbered(LockerEvent e, long seq)
    {
        e.Seq = seq;
        return e;
    }
}
