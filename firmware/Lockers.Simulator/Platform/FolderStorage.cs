using Lockers.Core.Ports;

namespace Lockers.Simulator.Platform;

/// <summary>
/// The core's flash storage as files in one directory (one file per key). A write goes to a temporary
/// file that is then renamed over the old one, so a crash leaves the old or the new value, never a mix;
/// that is what lets a "power cut" test restart a locker from the same folder.
/// </summary>
public sealed class FolderStorage : IStorage
{
    private const string TempSuffix = ".tmp~";

    /// <summary>Uses <paramref name="directory"/>, creating it when missing; leftovers of interrupted writes are removed.</summary>
    public FolderStorage(string directory)
    {
        Directory = Path.GetFullPath(directory);
        System.IO.Directory.CreateDirectory(Directory);
        foreach (var leftover in System.IO.Directory.GetFiles(Directory, "*" + TempSuffix))
        {
            File.Delete(leftover);
        }
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
    }

    /// <inheritdoc />
    public void Delete(string key) => File.Delete(PathOf(key));

    /// <inheritdoc />
    public string[] List(string prefix) =>
        System.IO.Directory.GetFiles(Directory)
            .Select(Path.GetFileName)
            .Where(name => name is not null && !name.EndsWith(TempSuffix, StringComparison.Ordinal)
                           && name.StartsWith(prefix, StringComparison.Ordinal))
            .Select(name => name!)
            .ToArray();

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
