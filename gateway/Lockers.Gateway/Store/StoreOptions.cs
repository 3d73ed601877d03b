using System.ComponentModel.DataAnnotations;

namespace Lockers.Gateway.Store;

/// <summary>Section "Store".</summary>
public sealed class StoreOptions
{
    public const string Section = "Store";

    /// <summary>Directory holding the database file (and the demo's dev pepper). Created when missing.</summary>
    [Required(ErrorMessage = "Store:DataDirectory is required: the directory that holds the gateway's database.")]
    public string DataDirectory { get; set; } = ".data";

    /// <summary>Database file name inside <see cref="DataDirectory"/>.</summary>
    [Required, RegularExpression(@"^[A-Za-z0-9._-]+$", ErrorMessage = "Store:FileName must be a plain file name.")]
    public string FileName { get; set; } = "lockers.db";

    /// <summary>How long a writer waits for another writer's lock before failing (SQLite busy_timeout).</summary>
    [Range(100, 120_000, ErrorMessage = "Store:BusyTimeoutMs must be between 100 and 120000.")]
    public int BusyTimeoutMs { get; set; } = 5_000;

    public string DatabasePath => Path.GetFullPath(Path.Combine(DataDirectory, FileName));
}
