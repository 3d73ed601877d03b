using Lockers.Core.Protocol;
using Lockers.Gateway.Audit;
using Lockers.Gateway.Link;
using Lockers.Gateway.Provisioning;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Store;
using Lockers.Gateway.Tests.Infrastructure;
using Lockers.Testing;

namespace Lockers.Gateway.Tests.Link;

/// <summary>A command without a result by its expiry is marked failed (no answer), and only then; a real result still wins.</summary>
public sealed class CommandExpiryServiceTests : IAsyncLifetime
{
    private readonly GatewayFixture _gateway = new();

    public async Task InitializeAsync()
    {
        await _gateway.ImportTestSiteAsync();
        await _gateway.Factory.Service<LockerProvisioner>().ProvisionAsync(new LockerProvisionRequest(GatewayFixture.SiteId, "test-a",
            RepositoryRoot.DevKitBoard, "127.0.0.1", 1883, Path.Combine(_gateway.DataDirectory, "test-a")), "test");
    }

    public Task DisposeAsync()
    {
        _gateway.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task UnansweredUnlock_IsFailedOnlyPastItsLastValidSecondAndTheGrace()
    {
        var command = await RecordAsync(LockerCommandRequest.Unlock("test-a", 3));
        var sweep = _gateway.Factory.Service<CommandExpiryService>();

        // The last valid second is 10 s on; its end and the 2 s grace have not passed yet.
        _gateway.Time.Advance(TimeSpan.FromSeconds(12));
        Assert.Empty(await sweep.FailUnansweredAsync());
        _gateway.Time.Advance(TimeSpan.FromSeconds(1.5));
        var failed = Assert.Single(await sweep.FailUnansweredAsync());

        Assert.Equal((command, "failed", LockerCommandRecord.NoAnswer), (failed.CommandId, failed.Result, failed.Reason));
        Assert.Equal("no_answer", failed.StatusAt(_gateway.Time.GetUtcNow()));
        Assert.Equal("failed: no answer from the locker", failed.Text);
        Assert.Empty(await sweep.FailUnansweredAsync());
        var audit = await Store.ReadAsync(tx => tx.Monitoring.ListAuditAsync("test-a", 20));
        Assert.Single(audit, e => e.Action == AuditActions.CommandUnanswered && e.Detail!.Contains($"id={command}"));
    }

    [Fact]
    public async Task AnsweredCommand_IsNeverFailed_AndALateResultReplacesTheFailure()
    {
        var answered = await RecordAsync(LockerCommandRequest.Deny("test-a", "test-a", 0));
        var late = await RecordAsync(LockerCommandRequest.Unlock("test-a", 2));
        var results = _gateway.Factory.Service<CommandResultRecorder>();
        var locker = new Locker("test-a", GatewayFixture.SiteId, "Cabinet A");
        await results.RecordAsync(locker, CommandResultPayload.Ok(answered), CancellationToken.None);

        _gateway.Time.Advance(TimeSpan.FromMinutes(1));
        var failed = Assert.Single(await _gateway.Factory.Service<CommandExpiryService>().FailUnansweredAsync());
        Assert.Equal(late, failed.CommandId);

        // The locker's own word, however late, is the truth.
        await results.RecordAsync(locker, CommandResultPayload.Failed(late, CommandResults.Jammed), CancellationToken.None);
        var stored = await Store.ReadAsync(tx => tx.LockerLink.GetCommandAsync("test-a", late));
        Assert.Equal(("failed", CommandResults.Jammed, "failed: the door did not open"), (stored!.StatusAt(_gateway.Time.GetUtcNow()), stored.Reason, stored.Text));
        Assert.Equal("done", (await Store.ReadAsync(tx => tx.LockerLink.GetCommandAsync("test-a", answered)))!.StatusAt(_gateway.Time.GetUtcNow()));
    }

    private ILockerStore Store => _gateway.Factory.Service<ILockerStore>();

    private async Task<string> RecordAsync(LockerCommandRequest request) =>
        (await Store.ExecuteAsync(tx => _gateway.Factory.Service<ILockerCommandSender>().SignAndRecordAsync(tx, request, "test", null)))!.CommandId;
}
