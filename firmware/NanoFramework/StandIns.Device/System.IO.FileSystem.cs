// Declaration-only stand-in for nanoFramework.System.IO.FileSystem 1.1.93 (Lockers.Firmware/packages.config), which
// the package source does not serve. Checked against nanoframework/System.IO.FileSystem, tag v1.1.93 (commit 434b26c),
// folder System.IO.FileSystem/. Declared in full: FileMode.cs, FileAccess.cs, FileShare.cs, FileStream.cs, Path.cs. Declared in
// part: File.cs and Directory.cs (the members that need no other FileSystem type), and DirectoryInfo /
// FileSystemInfo only as the return type of Directory.CreateDirectory. Bodies are placeholders: compiled against,
// never run.
namespace System.IO
{
    /// <summary>FileMode.cs.</summary>
    public enum FileMode
    {
        CreateNew = 1,
        Create = 2,
        Open = 3,
        OpenOrCreate = 4,
        Truncate = 5,
        Append = 6,
    }

    /// <summary>FileAccess.cs.</summary>
    [Flags]
    public enum FileAccess
    {
        Read = 1,
        Write = 2,
        ReadWrite = 3,
    }

    /// <summary>FileShare.cs.</summary>
    public enum FileShare
    {
        None = 0,
        Read = 1,
        Write = 2,
        ReadWrite = 3,
    }

    /// <summary>FileStream.cs.</summary>
    public class FileStream : Stream
    {
        public FileStream(string path, FileMode mode) => throw null;

        public FileStream(string path, FileMode mode, FileAccess access) => throw null;

        public FileStream(string path, FileMode mode, FileAccess access, FileShare share) => throw null;

        public FileStream(string path, FileMode mode, FileAccess access, FileShare share, int bufferSize) => throw null;

        public override bool CanRead => throw null;

        public override bool CanSeek => throw null;

        public override bool CanWrite => throw null;

        public override long Length => throw null;

        public override long Position
        {
            get => throw null;
            set => throw null;
        }

        public string Name => throw null;

        public override void Close() => throw null;

        protected override void Dispose(bool disposing) => throw null;

        public override void Flush() => throw null;

        public override int Read(byte[] buffer, int offset, int count) => throw null;

        public override int Read(SpanByte buffer) => throw null;

        public override int ReadByte() => throw null;

        public override long Seek(long offset, SeekOrigin origin) => throw null;

        public override void SetLength(long value) => throw null;

        public override void Write(byte[] buffer, int offset, int count) => throw null;

        public override void WriteByte(byte value) => throw null;
    }

    /// <summary>
    /// File.cs (part). Move throws when the target exists; WriteAllBytes leaves its stream undisposed (see
    /// Lockers.Firmware/Platform/FlashStorage.cs).
    /// </summary>
    public static class File
    {
        public static void Copy(string sourceFileName, string destFileName) => throw null;

        public static void Copy(string sourceFileName, string destFileName, bool overwrite) => throw null;

        public static FileStream Create(string path) => throw null;

        public static FileStream Create(string path, int bufferSize) => throw null;

        public static void Delete(string path) => throw null;

        public static bool Exists(string path) => throw null;

        public static void Move(string sourceFileName, string destFileName) => throw null;

        public static FileStream Open(string path, FileMode mode) => throw null;

        public static FileStream Open(string path, FileMode mode, FileAccess access) => throw null;

        public static FileStream Open(string path, FileMode mode, FileAccess access, FileShare share) => throw null;

        public static FileStream OpenRead(string path) => throw null;

        public static FileStream OpenWrite(string path) => throw null;

        public static byte[] ReadAllBytes(string path) => throw null;

        public static string ReadAllText(string path) => throw null;

        public static void WriteAllBytes(string path, byte[] bytes) => throw null;

        public static void WriteAllText(string path, string contents) => throw null;
    }

    /// <summary>Directory.cs (part).</summary>
    public static class Directory
    {
        public static DirectoryInfo CreateDirectory(string path) => throw null;

        public static void Delete(string path) => throw null;

        public static void Delete(string path, bool recursive) => throw null;

        public static bool Exists(string path) => throw null;

        public static string[] GetFiles(string path) => throw null;

        public static void Move(string sourceDirName, string destDirName) => throw null;
    }

    /// <summary>Path.cs.</summary>
    public static class Path
    {
        public static readonly char DirectorySeparatorChar;
        public static readonly char AltDirectorySeparatorChar;
        public static readonly char VolumeSeparatorChar;
        public static readonly char PathSeparator;

        public static string ChangeExtension(string path, string extension) => throw null;

        public static string Combine(string path1, string path2) => throw null;

        public static string GetDirectoryName(string path) => throw null;

        public static string GetExtension(string path) => throw null;

        public static string GetFileName(string path) => throw null;

        public static string GetFileNameWithoutExtension(string path) => throw null;

        public static string GetFullPath(string path) => throw null;

        public static char[] GetInvalidFileNameChars() => throw null;

        public static char[] GetInvalidPathChars() => throw null;

        public static string GetPathRoot(string path) => throw null;

        public static bool HasExtension(string path) => throw null;

        public static bool IsPathRooted(string path) => throw null;
    }

    /// <summary>FileSystemInfo.cs: declared only as the base of DirectoryInfo.</summary>
    public abstract class FileSystemInfo : MarshalByRefObject
    {
        internal FileSystemInfo() => throw null;
    }

    /// <summary>DirectoryInfo.cs: declared only as Directory.CreateDirectory's return type.</summary>
    public sealed class DirectoryInfo : FileSystemInfo
    {
        public DirectoryInfo(string path) => throw null;
    }
}
