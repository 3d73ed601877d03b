using System.ComponentModel;
using System.Runtime.InteropServices;

namespace Lockers.Hosting;

/// <summary>
/// fsync(2) on a directory, which makes a rename or delete inside it durable. .NET has no API for it
/// (<see cref="File.OpenHandle"/> refuses directories), so this opens the directory read-only through libc.
/// O_RDONLY is 0 on every Linux architecture, unlike O_DIRECTORY, so no per-architecture flag is needed.
/// </summary>
internal static class DirectorySync
{
    private const int ReadOnly = 0;

    /// <summary>Flushes <paramref name="directory"/>'s entries to disk; throws <see cref="IOException"/> when the system refuses.</summary>
    public static void Flush(string directory)
    {
        int fd = Open(directory, ReadOnly);
        if (fd < 0)
        {
            throw new IOException($"cannot open {directory} to flush it", new Win32Exception(Marshal.GetLastPInvokeError()));
        }

        try
        {
            if (Fsync(fd) != 0)
            {
                throw new IOException($"fsync of {directory} failed", new Win32Exception(Marshal.GetLastPInvokeError()));
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int Fsync(int fd);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int fd);
}
