using Lockers.Core.Ports;

namespace Lockers.Hosting;

/// <summary>
/// The core's flash storage as files in one directory (one file per key). A write goes to a temporary
/// file, flushed to disk, that is then renamed over the old one, so a crash leaves the old or the new
/// value, never a mix; that is what lets a "power cut" test restart a locker from the same folder.
/// With <c>syncDirectory</c> (the Linux controller on an SD card or eMMC) the directory is also flushed
/// after every rename and delete, so a power cut cannot undo a write the core already relied on.
/// </summary>
public sealed class FolderStorage : IStorage
{
    private const string TempSuffix = ".tmp~";
    private readonly bool _syncDirectory;

    /// <summary>
    /// Uses <paramref name="directory"/>, creating it when missing; leftovers of interrupted writes are removed.
    /// <paramref name="syncDirectory"/>: flush the directory entry after each rename and delete (Linux only;
    /// costs one more fsync per write, so the simulator's fleets leave it off).
    /// </summary>
    public FolderStorage(string directory, bool syncDirectory = false)
    {
        Directory = Path.GetFullPath(directory);
        _syncDirectory = syncDirectory && OperatingSystem.IsLinux();
        System.IO.Directory.CreateDirectory(Directory);
        foreach (var leftover in System.IO.Directory.GetFiles(Directory, "*" + TempSuffix))
        {
            File.Delete(leftover);
        }

        SyncDirectory();
    }

    /// <summary>The directory holding the files.</summary>
    public string Directory { get; }

    /// <inheritdoc />
    public byte[] Read(string key)
    {
        var path = PathOf(key);
        return File.Exists(path) ? File.ReadAllBytes(path) : null!;
    }

    /// <inheritdoc />
    public void Write(string key, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var path = PathOf(key);
        var temp = path + TempSuffix;
        using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            file.Write(data);
            file.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
        SyncDirectory();
    }

    /// <inheritdoc />
    public void Delete(string key)
    {
        File.Delete(PathOf(key));
        SyncDirectory();
    }

    /// <inheritdoc />
    public string[] List(string prefix) =>
        System.IO.Directory.GetFiles(Directory)
            .Select(Path.GetFileName)
            .Where(name => name is not null && !name.EndsWith(TempSuffix, StringComparison.Ordinal)
                           && name.StartsWith(prefix, StringComparison.Ordinal))
            .Select(name => name!)
            .ToArray();

    private void SyncDirectory()
    {
        if (_syncDirectory)
        {
            DirectorySync.Flush(Directory);
        }
    }

    // The port's key rule keeps every key a plain file name inside the folder.
    private string PathOf(string key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > 64 || key == "." || key == ".."
            || !key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw new ArgumentException($"bad storage key '{key}'", nameof(key));
        }

        return Path.Combine(Directory, key);
    }
}
