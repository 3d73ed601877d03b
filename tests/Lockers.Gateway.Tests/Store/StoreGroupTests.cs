using Lockers.Gateway.Audit;
using Lockers.Gateway.Store;
using Lockers.Gateway.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Lockers.Gateway.Tests.Store;

/// <summary>
/// Group commit on the real SQLite store (ILockerStore.BeginGroup): units of a group are one transaction, nothing
/// is visible or durable before the group commits, a failing unit writes nothing of the group, and actions after
/// the commit run only once it happened, in order.
/// </summary>
public sealed class StoreGroupTests : IDisposable
{
    private readonly GatewayFixture _gateway = new();

    private ILockerStore Store => _gateway.Factory.Service<ILockerStore>();

    public void Dispose() => _gateway.Dispose();

    private Task AppendAsync(string detail) =>
        Store.ExecuteAsync(tx => tx.Audit.AppendAsync(new AuditEntry(_gateway.Time.GetUtcNow(), "test", "group.test", Detail: detail)));

    /// <summary>Counts committed rows through a connection of its own, as another gateway or a backup would see them.</summary>
    private async Task<long> CommittedAsync(string detailPrefix = "")
    {
        await using var connection = new SqliteConnection($"Data Source={_gateway.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM audit_log WHERE action = 'group.test' AND detail LIKE $prefix || '%';";
        command.Parameters.AddWithValue("$prefix", detailPrefix);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task UnitsOfAGroup_AreInvisibleToOthersUntilTheCommit_ThenAllThere()
    {
        await using (var group = Store.BeginGroup())
        {
            await AppendAsync("a");
            await AppendAsync("b");
            await AppendAsync("c");
            Assert.Equal(3, group.Units);
            Assert.Equal(0, await CommittedAsync());

            await group.CommitAsync();
        }

        Assert.Equal(3, await CommittedAsync());
    }

    [Fact]
    public async Task ReadInsideAGroup_SeesTheGroupsOwnWrites()
    {
        await using var group = Store.BeginGroup();
        await AppendAsync("mine");

        var seen = await Store.ReadAsync(tx => tx.Audit.ListRecentAsync(10));

        Assert.Contains(seen, entry => entry.Detail == "mine");
        await group.CommitAsync();
    }

    [Fact]
    public async Task GroupDisposedWithoutCommit_WritesNothing_AndTheFlowIsBackToOrdinaryUnits()
    {
        await using (Store.BeginGroup())
        {
            await AppendAsync("lost");
        }

        Assert.Equal(0, await CommittedAsync("lost"));
        await AppendAsync("after");
        Assert.Equal(1, await CommittedAsync("after"));
    }

    [Fact]
    public async Task FailingUnit_BreaksTheGroup_LaterUnitsAndTheCommitRefuse_AndNothingIsWritten()
    {
        await using (var group = Store.BeginGroup())
        {
            await AppendAsync("before");
            var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => Store.ExecuteAsync<bool>(async tx =>
            {
                await tx.Audit.AppendAsync(new AuditEntry(_gateway.Time.GetUtcNow(), "test", "group.test", Detail: "half"));
                throw new InvalidOperationException("rule broken halfway");
            }));
            Assert.Equal("rule broken halfway", failure.Message);

            // A caller that caught the failure and carried on cannot get "half" committed.
            await Assert.ThrowsAsync<StoreGroupBrokenException>(() => AppendAsync("later"));
            await Assert.ThrowsAsync<StoreGroupBrokenException>(() => group.CommitAsync());
        }

        Assert.Equal(0, await CommittedAsync());
    }

    [Fact]
    public async Task ActionsAfterCommit_WaitForTheCommit_RunInOrder_AndSeeTheRowsCommitted()
    {
        var ran = new List<string>();
        await using (var group = Store.BeginGroup())
        {
            await AppendAsync("x");
            await Store.AfterCommitAsync(async () => ran.Add($"first saw {await CommittedAsync("x")}"));
            await AppendAsync("y");
            await Store.AfterCommitAsync(() =>
            {
                ran.Add("second");
                return Task.CompletedTask;
            });
            Assert.Empty(ran);

            await group.CommitAsync();
        }

        Assert.Equal(["first saw 1", "second"], ran);
    }

    [Fact]
    public async Task ActionsAfterCommit_OfAFailedGroup_NeverRun()
    {
        var ran = false;
        await using (var group = Store.BeginGroup())
        {
            await Store.AfterCommitAsync(() =>
            {
                ran = true;
                return Task.CompletedTask;
            });
            await Assert.ThrowsAsync<InvalidOperationException>(() => Store.ExecuteAsync<bool>(_ => throw new InvalidOperationException("no")));
            await Assert.ThrowsAsync<StoreGroupBrokenException>(() => group.CommitAsync());
        }

        Assert.False(ran);
    }

    [Fact]
    public async Task AfterCommit_OutsideAGroup_RunsAtOnce()
    {
        var ran = false;
        await Store.AfterCommitAsync(() =>
        {
            ran = true;
            return Task.CompletedTask;
        });

        Assert.True(ran);
    }

    [Fact]
    public async Task ActionThatThrows_AfterTheCommit_DoesNotStopTheOthers_AndTheGroupStaysCommitted()
    {
        var second = false;
        await using (var group = Store.BeginGroup())
        {
            await AppendAsync("kept");
            await Store.AfterCommitAsync(() => throw new InvalidOperationException("webhook down"));
            await Store.AfterCommitAsync(() =>
            {
                second = true;
                return Task.CompletedTask;
            });

            var failed = await Assert.ThrowsAsync<AfterCommitActionsFailedException>(() => group.CommitAsync());
            Assert.Equal("webhook down", Assert.Single(failed.InnerExceptions).Message);
        }

        Assert.True(second);
        Assert.Equal(1, await CommittedAsync("kept"));
    }

    [Fact]
    public async Task UnitStartedInsideAUnitOfTheSameGroup_IsRefused_InsteadOfHanging()
    {
        await using var group = Store.BeginGroup();

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Store.ExecuteAsync(async _ => await Store.ExecuteAsync(tx => tx.Audit.ListRecentAsync(1))));
    }

    [Fact]
    public async Task GroupsDoNotNest()
    {
        await using var group = Store.BeginGroup();

        Assert.Throws<InvalidOperationException>(() => Store.BeginGroup());
    }

    [Fact]
    public async Task OtherFlows_KeepTheirOwnUnits_WhileAGroupIsOpen()
    {
        await using var group = Store.BeginGroup();
        await AppendAsync("grouped");

        // Another flow (an API request: its execution context did not come from the group's) is not in the group:
        // its unit waits for the group's write lock and commits on its own once the group is done.
        Task other;
        using (ExecutionContext.SuppressFlow())
        {
            other = Task.Run(() => AppendAsync("other"));
        }

        await group.CommitAsync();
        await other.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(1, await CommittedAsync("other"));
        Assert.Equal(1, await CommittedAsync("grouped"));
    }

    [Fact]
    public async Task EmptyGroup_CommitsNothing_AndCostsNoTransaction()
    {
        await using var group = Store.BeginGroup();

        await group.CommitAsync();

        Assert.Equal(0, group.Units);
    }
}
