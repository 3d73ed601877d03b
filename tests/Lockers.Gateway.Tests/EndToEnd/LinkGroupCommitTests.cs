using Lockers.Core.Protocol;
using Lockers.Gateway.Audit;
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
        var (first, blocker) = await PileUpBehindBusyDatabaseAsync(system, locker, async () =>
        {
            for (var i = 0; i < 3; i++)
            {
                await locker.EnterCodeAsync($"9999990{i}");
                await locker.PublishAsync(LockerEvent.Boot("1.0.0", 2 + i, []));
            }

            return 6;
        });
        await using (blocker)
        {
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
        var (first, blocker) = await PileUpBehindBusyDatabaseAsync(system, locker, async () =>
        {
            for (var i = 0; i < 5; i++)
            {
                await locker.PublishAsync(LockerEvent.Boot("1.0.0", 2 + i, []));
            }

            return 5;
        });
        await using (blocker)
        {
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

    /// <summary>
    /// Makes messages wait together: another connection takes the database's write lock, a boot event takes the
    /// link (its unit of work waits for the lock), and the messages <paramref name="publishMore"/> sends (it returns
    /// how many) pile up in the link's client. Returns the first event's seq and the connection still holding the
    /// lock; the test lets go of it.
    /// </summary>
    private static async Task<(long First, SqliteConnection Blocker)> PileUpBehindBusyDatabaseAsync(
        LinkedGateway system, MqttTestLocker locker, Func<Task<int>> publishMore)
    {
        var link = system.Gateway.Factory.Service<LockerLinkClient>();
        await system.WaitForHandledAsync(1); // the locker's birth message
        var received = system.Counters.Received;
        var blocker = new SqliteConnection($"Data Source={system.Gateway.DatabasePath};Pooling=False");
        try
        {
            await blocker.OpenAsync();
            await ExecuteAsync(blocker, "BEGIN IMMEDIATE;");
            var first = await locker.PublishAsync(LockerEvent.Boot("1.0.0", 1, []));
            await Wait.UntilAsync(() => system.Counters.Received == received + 1, Timeout, "the link to take the first message");
            var waiting = await publishMore();
            await Wait.UntilAsync(() => link.Client.Messages.Count == waiting, Timeout, $"{waiting} messages to wait behind the blocked one");
            return (first, blocker);
        }
        catch
        {
            await blocker.DisposeAsync();
            throw;
        }
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
            .Where(entry => entry.Action == AuditActions.Boot)
            .Select(entry => long.Parse(entry.Detail!.Split(' ')[0]["seq=".Length..]))
            .Order()
            .ToList();
    }
}
