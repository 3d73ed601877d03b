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
        var tamper = Numbered(LockerEvent.Tamper("case opened"), 1);

        var first = await Applier.ApplyAsync(_locker, tamper, CancellationToken.None);
        var again = await Applier.ApplyAsync(_locker, tamper, CancellationToken.None);

        Assert.Equal((LinkOutcome.Applied, LinkOutcome.Duplicate), (first, again));
        Assert.Single(await AuditAsync(), a => a.Action == AuditActions.Tamper && a.Detail == "seq=1 case opened");
    }

    [Fact]
    public async Task SameIdentityTwice_SecondIsADuplicate_DifferentContentIsAConflictKeptAndNeverApplied()
    {
        var first = Numbered(LockerEvent.Tamper("case opened"), 1);
        first.Epoch = "00112233aabbccdd";
        var squatter = Numbered(LockerEvent.Door(2, DoorStates.Forced), 1);
        squatter.Epoch = first.Epoch;

        var outcomes = (await Applier.ApplyAsync(_locker, first, CancellationToken.None),
            await Applier.ApplyAsync(_locker, first, CancellationToken.None),
            await Applier.ApplyAsync(_locker, squatter, CancellationToken.None));

        Assert.Equal((LinkOutcome.Applied, LinkOutcome.Duplicate, LinkOutcome.Conflict), outcomes);
        var conflict = Assert.Single(await Store.ExecuteAsync(tx => tx.LockerLink.ListConflictsAsync("test-a", 10)));
        Assert.Equal((first.Epoch, 1L), (conflict.Epoch, conflict.Seq));
        Assert.Contains("\"state\":\"forced\"", conflict.Payload);
        var audit = await AuditAsync();
        Assert.DoesNotContain(audit, a => a.Action == AuditActions.DoorForced);
        Assert.Single(audit, a => a.Action == AuditActions.EventConflict);
    }

    [Fact]
    public async Task ConflictingCodeEntry_IsKeptWithItsCodeRedacted()
    {
        var applied = Numbered(LockerEvent.Tamper("lid"), 1);
        applied.Epoch = "00112233aabbccdd";
        var code = Numbered(LockerEvent.CodeEntered(CodeSources.Keypad, "kp-1", "123456"), 1);
        code.Epoch = applied.Epoch;

        await Applier.ApplyAsync(_locker, applied, CancellationToken.None);
        await Applier.ApplyAsync(_locker, code, CancellationToken.None);

        var conflict = Assert.Single(await Store.ExecuteAsync(tx => tx.LockerLink.ListConflictsAsync("test-a", 10)));
        Assert.DoesNotContain("123456", conflict.Payload);
        Assert.Contains("[redacted]", conflict.Payload);
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
