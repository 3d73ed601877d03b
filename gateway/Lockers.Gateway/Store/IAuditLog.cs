using Lockers.Gateway.Audit;

namespace Lockers.Gateway.Store;

/// <summary>Append-only: there is no update or delete, and the SQLite schema refuses them too.</summary>
public interface IAuditLog
{
    Task AppendAsync(AuditEntry entry);
    Task<IReadOnlyList<AuditEntry>> ListRecentAsync(int limit);
}
