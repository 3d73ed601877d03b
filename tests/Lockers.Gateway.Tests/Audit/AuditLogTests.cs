using Lockers.Gateway.Audit;
using Lockers.Gateway.Store;
using Lockers.Gateway.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Lockers.Gateway.Tests.Audit;

public class AuditLogTests : IDisposable
{
    private readonly GatewayFixture _gateway = new();

    private async Task<int> ExecuteRawAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_gateway.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }

    private async Task AppendOneAsync() =>
        await _gateway.Factory.Service<ILockerStore>().ExecuteAsync(tx =>
            tx.Audit.AppendAsync(new AuditEntry(_gateway.Time.GetUtcNow(), "test", "test.action", Detail: "x")));

    [Fact]
    public async Task Append_Entry_CanBeReadBack()
    {
        await AppendOneAsync();

        var entries = await _gateway.Factory.Service<ILockerStore>().ExecuteAsync(tx => tx.Audit.ListRecentAsync(10));

        Assert.Contains(entries, e => e.Action == "test.action" && e.Actor == "test");
    }

    [Fact]
    public async Task DepositAndPickup_FullFlow_AuditsEveryIssueAttemptAndDoorEvent()
    {
        await _gateway.ImportTestSiteAsync();
        var http = await _gateway.CreateApiClientAsync();
        var locker = new LockerDriver(_gateway.Factory);
        var booked = await http.BookAsync();
        var codes = await locker.DepositAsync(booked.DropoffCode);
        await locker.EnterAsync("000000");
        await locker.PickUpAsync(codes.Pin);

        var entries = await _gateway.Factory.Service<ILockerStore>().ExecuteAsync(tx => tx.Audit.ListRecentAsync(100));

        var actions = entries.Select(e => e.Action).ToList();
        Assert.Equal(3, actions.Count(a => a == AuditActions.CodeIssued)); // drop-off, PIN, QR
        Assert.Equal(2, actions.Count(a => a == AuditActions.CodeAccepted));
        Assert.Equal(2, actions.Count(a => a == AuditActions.CodeConsumed));
        Assert.Equal(2, actions.Count(a => a == AuditActions.DoorOpened));
        Assert.Equal(2, actions.Count(a => a == AuditActions.DoorClosed));
        Assert.Single(actions, a => a == AuditActions.CodeRejected);
        Assert.Contains(AuditActions.ReservationBooked, actions);
        Assert.Contains(AuditActions.ApiClientCreated, actions);
        Assert.Contains(AuditActions.SiteImported, actions);
        Assert.All(entries, e => Assert.DoesNotContain(codes.Pin, e.Detail ?? ""));
    }

    [Fact]
    public async Task Update_AuditRow_IsRefusedByTheDatabase()
    {
        await AppendOneAsync();

        var error = await Assert.ThrowsAsync<SqliteException>(() => ExecuteRawAsync("UPDATE audit_log SET detail = 'changed';"));

        Assert.Contains("append-only", error.Message);
    }

    [Fact]
    public async Task Delete_AuditRow_IsRefusedByTheDatabase()
    {
        await AppendOneAsync();

        var error = await Assert.ThrowsAsync<SqliteException>(() => ExecuteRawAsync("DELETE FROM audit_log;"));

        Assert.Contains("append-only", error.Message);
    }

    public void Dispose() => _gateway.Dispose();
}
