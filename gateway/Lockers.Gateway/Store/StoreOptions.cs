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

    public string DatabasePath => Path.GetFullPath(Path.Combine(DataDirectory, FileName));
}
