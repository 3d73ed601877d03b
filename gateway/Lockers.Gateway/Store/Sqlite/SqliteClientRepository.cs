using Lockers.Gateway.Clients;
using Microsoft.Data.Sqlite;
using static Lockers.Gateway.Store.Sqlite.SqliteValues;

namespace Lockers.Gateway.Store.Sqlite;

internal sealed class SqliteClientRepository(SqliteSession db) : IClientRepository
{
    private const string Columns =
        "id, name, webhook_url, webhook_secret, created_at, recipient_extension_hours, redirect_before_deposit, redirect_after_deposit";

    public Task InsertClientAsync(ApiClient client) => db.ExecuteAsync(
        "INSERT INTO clients (id, name, webhook_url, webhook_secret, created_at) VALUES ($id, $name, $url, $secret, $at);",
        ("$id", client.Id), ("$name", client.Name), ("$url", client.WebhookUrl), ("$secret", client.SealedWebhookSecret),
        ("$at", Time(client.CreatedAt)));

    public Task<ApiClient?> GetClientAsync(string clientId) =>
        db.QuerySingleAsync($"SELECT {Columns} FROM clients WHERE id = $id;", Read, ("$id", clientId));

    public Task<ApiClient?> FindClientByNameAsync(string name) =>
        db.QuerySingleAsync($"SELECT {Columns} FROM clients WHERE name = $name;", Read, ("$name", name));

    public Task InsertApiKeyAsync(StoredApiKey key) => db.ExecuteAsync(
        "INSERT INTO api_keys (prefix, client_id, key_hash, created_at) VALUES ($prefix, $client, $hash, $at);",
        ("$prefix", key.Prefix), ("$client", key.ClientId), ("$hash", key.Hash), ("$at", Time(key.CreatedAt)));

    public Task SetRecipientPolicyAsync(string clientId, int? extensionHours, bool? redirectBeforeDeposit, bool? redirectAfterDeposit) =>
        db.ExecuteAsync("""
            UPDATE clients SET recipient_extension_hours = $hours, redirect_before_deposit = $before, redirect_after_deposit = $after
            WHERE id = $id;
            """, ("$id", clientId), ("$hours", extensionHours), ("$before", redirectBeforeDeposit), ("$after", redirectAfterDeposit));

    public Task<StoredApiKey?> FindApiKeyAsync(string prefix) => db.QuerySingleAsync(
        "SELECT prefix, client_id, key_hash, created_at FROM api_keys WHERE prefix = $prefix;",
        r => new StoredApiKey(r.ReadString("prefix"), r.ReadString("client_id"), r.ReadBytes("key_hash"), r.ReadTime("created_at")),
        ("$prefix", prefix));

    private static ApiClient Read(SqliteDataReader r) => new(
        r.ReadString("id"), r.ReadString("name"), r.ReadNullableString("webhook_url"), r.ReadBytes("webhook_secret"),
        r.ReadTime("created_at"), r.ReadNullableInt("recipient_extension_hours"), NullableBool(r, "redirect_before_deposit"),
        NullableBool(r, "redirect_after_deposit"));

    private static bool? NullableBool(SqliteDataReader r, string column) => r.ReadNullableInt(column) is { } value ? value != 0 : null;
}
