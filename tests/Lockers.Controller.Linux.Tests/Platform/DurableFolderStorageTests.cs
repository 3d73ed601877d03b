using System.Text;
using Lockers.Hosting;

namespace Lockers.Controller.Linux.Tests.Platform;

/// <summary>
/// The storage folder as the Linux controller opens it (directory flushed after every rename and delete): the same
/// contract as the simulator's. That the flush reaches the disk cannot be seen from a test; that it runs, can.
/// </summary>
public sealed class DurableFolderStorageTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "lockers-durable-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void WriteReplaceDelete_WithDirectorySync_ReopenedFolderHoldsTheLastState()
    {
        var storage = new FolderStorage(_directory, syncDirectory: true);
        storage.Write("jrn.e.1", Encoding.UTF8.GetBytes("one"));
        storage.Write("jrn.e.1", Encoding.UTF8.GetBytes("one, replaced"));
        storage.Write("jrn.e.2", Encoding.UTF8.GetBytes("two"));
        storage.Delete("jrn.e.2");

        var reopened = new FolderStorage(_directory, syncDirectory: true);

        Assert.Equal("one, replaced", Encoding.UTF8.GetString(reopened.Read("jrn.e.1")));
        Assert.Null(reopened.Read("jrn.e.2"));
        Assert.Equal(new[] { "jrn.e.1" }, reopened.List("jrn."));
    }
}
