using Lockers.Core.Protocol;
using Lockers.Gateway.Link;
using Lockers.Gateway.Store;
using Lockers.Testing;
using Microsoft.Data.Sqlite;

namespace Lockers.Gateway.Tests.EndToEnd;

/// <summary>
/// Group commit in the locker link (ADR 0202), over the real broker and store: messages that wait while the link is
/// busy are applied together in one transaction, answered only after that commit, each exactly once; and a group
/// in which one message fails is rolled back and applied again message by message, losing only the failing one.
/// A connection holding the database's write lock keeps the link busy while the messages pile up.
/// </summary>
public sealed class LinkGroupCommitTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task MessagesWaitingTogether_AreAppliedAsOneGroup_EachOnce_AndAnsweredAfterTheCommit()
    {
        await using var system = await LinkedGateway.StartAsync();
        var locker = await system.ProvisionAndConnectAsync("test-a");
        var link = system.Gateway.Factory.Service<LockerLinkClient>();
        await system.WaitForHandledAsync(1); // the locker's birth message
        var received = system.Counters.Received;

        long first;
        await using (var blocker = await BlockDatabaseAsync(system))
        {
            // The first message takes the link and waits for the lock; the next ones wait in the client.
            first = await locker.PublishAsync(LockerEvent.Boot("1.0.0", 1));
            await Wait.UntilAsync(() => system.Counters.Received == received + 1, Timeout, "the link to take the first message");
            for (var i = 0; i < 3; i++)
            {
                await locker.EnterCodeAsync($"9999990{i}");
                await locker.PublishAsync(LockerEvent.Boot("1.0.0", 2 + i));
            }

            await Wait.UntilAsync(() => link.Client.Messages.Count == 6, Timeout, "six messages to wait behind the blocked one");
            await ExecuteAsync(blocker, "ROLLBACK;");
        }

        await system.WaitForHandledAsync(1 + 7);
        Assert.Equal(1, system.Counters.Groups);
        Assert.Equal(6, system.Counters.GroupedMessages);
        Assert.Equal(0, system.Counters.GroupsRedone);

        // Every wrong code of the group got its own deny, published after the group's commit.
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(CommandActions.Deny, (await locker.NextCommandAsync()).Command!.Action);
        }

        var boots = await BootSeqsAsync(system);
        Assert.Equal([first, first + 2, first + 4, first + 6], boots);
        Assert.Equal(3, (await system.CommandsAsync("test-a")).Count);
    }

    [Fact]
    public async Task OneMessageFailingInAGroup_RollsTheGroupBack_TheOthersAreAppliedOneByOne_AndOnlyItIsLost()
    {
        await using var system = await LinkedGateway.StartAsync();
        var locker = await system.ProvisionAndConnectAsync("test-a");
        var link = system.Gateway.Factory.Service<LockerLinkClient>();
        await system.WaitForHandledAsync(1); // the locker's birth message
        var received = system.Counters.Received;

        long first;
        await using (var blocker = await BlockDatabaseAsync(system))
        {
            first = await locker.PublishAsync(LockerEvent.Boot("1.0.0", 1));
            await Wait.UntilAsync(() => system.Counters.Received == received + 1, Timeout, "the link to take the first message");
            for (var i = 0; i < 5; i++)
            {
                await locker.PublishAsync(LockerEvent.Boot("1.0.0", 2 + i));
            }

            await Wait.UntilAsync(() => link.Client.Messages.Count == 5, Timeout, "five messages to wait behind the blocked one");

            // The store refuses the third waiting event every time (a fault only that message meets), installed
            // in the same commit that lets the link go on.
            await ExecuteAsync(blocker, $"""
                CREATE TRIGGER refuse_one BEFORE INSERT ON audit_log WHEN NEW.detail LIKE 'seq={first + 3} %'
                BEGIN SELECT RAISE(ABORT, 'test: this event is refused'); END;
                COMMIT;
                """);
        }

        await system.WaitForHandledAsync(1 + 6);
        Assert.Equal(1, system.Counters.GroupsRedone);
        Assert.Equal(0, system.Counters.Groups);
        Assert.Equal(1, system.Counters.Dropped(LinkDropReason.Failed));
        Assert.Equal(1 + 5, system.Counters.Handled);
        Assert.Equal([first, first + 1, first + 2, first + 4, first + 5], await BootSeqsAsync(system));
    }

    private static async Task<SqliteConnection> BlockDatabaseAsync(LinkedGateway system)
    {
        var blocker = new SqliteConnection($"Data Source={system.Gateway.DatabasePath};Pooling=False");
        await blocker.OpenAsync();
        await ExecuteAsync(blocker, "BEGIN IMMEDIATE;");
        return blocker;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The seqs of the boot events the store holds, from their audit lines ("seq=N fw=... boot=...").</summary>
    private static async Task<List<long>> BootSeqsAsync(LinkedGateway system)
    {
        var entries = await system.Gateway.Factory.Service<ILockerStore>().ReadAsync(tx => tx.Audit.ListRecentAsync(500));
        return entries
            .Where(entry => entry.Action == LinkAuditActions.Boot)
            .Select(entry => long.Parse(entry.Detail!.Split(' ')[0]["seq=".Length..]))
            .Order()
            .ToList();
    }
}
