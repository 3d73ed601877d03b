using Lockers.Gateway.Codes;
using Microsoft.Data.Sqlite;
using static Lockers.Gateway.Store.Sqlite.SqliteValues;

namespace Lockers.Gateway.Store.Sqlite;

internal sealed class SqliteCodeRepository(SqliteSession db) : ICodeRepository
{
    private const string Columns = "id, reservation_id, site_id, kind, code_hash";

    public async Task<bool> LiveExistsAsync(string siteId, byte[] hash) =>
        await db.ScalarAsync("SELECT 1 FROM codes WHERE site_id = $site AND code_hash = $hash AND status = 'live';",
            ("$site", siteId), ("$hash", hash)) is not null;

    public async Task<long> InsertAsync(string reservationId, string siteId, CodeKind kind, byte[] hash, DateTimeOffset issuedAt, byte[]? sealedCode = null) =>
        (long)(await db.ScalarAsync("""
            INSERT INTO codes (reservation_id, site_id, kind, code_hash, status, issued_at, sealed_code)
            VALUES ($reservation, $site, $kind, $hash, 'live', $at, $sealed) RETURNING id;
            """, ("$reservation", reservationId), ("$site", siteId), ("$kind", kind.ToString()), ("$hash", hash),
            ("$at", Time(issuedAt)), ("$sealed", sealedCode)))!;

    public Task<StoredCodeState?> GetAsync(long codeId) => db.QuerySingleAsync(
        $"SELECT {Columns}, status FROM codes WHERE id = $id;", r => new StoredCodeState(Read(r), r.ReadString("status") == "live"), ("$id", codeId));

    public Task<StoredCode?> FindLiveAsync(string siteId, byte[] hash) => db.QuerySingleAsync(
        $"SELECT {Columns} FROM codes WHERE site_id = $site AND code_hash = $hash AND status = 'live';",
        Read, ("$site", siteId), ("$hash", hash));

    public Task<StoredCode?> FindLiveForReservationAsync(string reservationId, CodeKind kind) => db.QuerySingleAsync(
        $"SELECT {Columns} FROM codes WHERE reservation_id = $reservation AND kind = $kind AND status = 'live' ORDER BY id DESC LIMIT 1;",
        Read, ("$reservation", reservationId), ("$kind", kind.ToString()));

    public async Task<bool> ConsumeAsync(long codeId, DateTimeOffset at) =>
        await db.ExecuteAsync("UPDATE codes SET status = 'used', retired_at = $at, sealed_code = NULL WHERE id = $id AND status = 'live';",
            ("$id", codeId), ("$at", Time(at))) == 1;

    public async Task RevokeAsync(string reservationId, IReadOnlyCollection<CodeKind> kinds, DateTimeOffset at)
    {
        foreach (var kind in kinds)
        {
            await db.ExecuteAsync("""
                UPDATE codes SET status = 'revoked', retired_at = $at, sealed_code = NULL
                WHERE reservation_id = $reservation AND kind = $kind AND status = 'live';
                """, ("$reservation", reservationId), ("$kind", kind.ToString()), ("$at", Time(at)));
        }
    }

    private static StoredCode Read(SqliteDataReader r) => new(
        r.ReadLong("id"), r.ReadString("reservation_id"), r.ReadString("site_id"),
        Enum.Parse<CodeKind>(r.ReadString("kind")), r.ReadBytes("code_hash"));
}
