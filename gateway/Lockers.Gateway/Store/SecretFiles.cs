namespace Lockers.Gateway.Store;

/// <summary>
/// Files and folders the gateway creates that hold secrets or the store (ADR 0112): files 0600 and folders 0700, so only the
/// gateway's own user can read the pepper, the database (and SQLite's -wal and -shm beside it, which take the database
/// file's mode) or keys. Files found more open than that are narrowed at start-up, with a warning. No-ops on Windows.
/// </summary>
public static class SecretFiles
{
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Creates the folder 0700 when it is missing (an existing folder is the operator's and keeps its mode).</summary>
    public static void CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else if (!Directory.Exists(path))
        {
            Directory.CreateDirectory(path, FolderMode);
        }
    }

    /// <summary>Writes a new file 0600 (its folder made 0700 if missing); false when it exists already, which is left as it is.</summary>
    public static bool CreateFile(string path, string text = "")
    {
        CreateFolder(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var options = new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }
        try
        {
            using var stream = new FileStream(path, options);
            using var writer = new StreamWriter(stream);
            writer.Write(text);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
    }

    /// <summary>Narrows an existing file to 0600 when group or others may read or write it; true when it did.</summary>
    public static bool Restrict(string path)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(path))
        {
            return false;
        }
        var mode = File.GetUnixFileMode(path);
        if ((mode & ~(FileMode | UnixFileMode.UserExecute)) == 0)
        {
            return false;
        }
        File.SetUnixFileMode(path, mode & FileMode);
        return true;
    }
}
