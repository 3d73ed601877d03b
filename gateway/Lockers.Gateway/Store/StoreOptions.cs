using Lockers.Gateway.Settings;

namespace Lockers.Gateway.Store;

/// <summary>Section "Store".</summary>
public sealed class StoreOptions : IGatewayOptions
{
    public static string Section => "Store";

    /// <summary>Directory holding the database file (and the demo's dev pepper). Created when missing.</summary>
    public string DataDirectory { get; set; } = ".data";

    /// <summary>Database file name inside <see cref="DataDirectory"/>.</summary>
    public string FileName { get; set; } = "lockers.db";

    /// <summary>How long a writer waits for another writer's lock before failing (SQLite busy_timeout).</summary>
    public int BusyTimeoutMs { get; set; } = 5_000;

    /// <summary>
    /// Tests only: lets a test make the real database refuse writes as a read-only file or a full disk does
    /// (<see cref="Sqlite.SqliteFaults"/>, through SQLite's own query_only and max_page_count). Never in production.
    /// </summary>
    public bool FaultInjection { get; set; }

    public string DatabasePath => Path.GetFullPath(Path.Combine(DataDirectory, FileName));
}
