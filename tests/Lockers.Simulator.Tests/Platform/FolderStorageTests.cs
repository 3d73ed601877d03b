using System.Text;
using Lockers.Hosting;

namespace Lockers.Simulator.Tests.Platform;

public sealed class FolderStorageTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "lockers-storage-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void Write_ThenNewInstance_ReadsTheSameBytes()
    {
        new FolderStorage(_directory).Write("jrn.e.1", Encoding.UTF8.GetBytes("{\"seq\":1}"));

        var reopened = new FolderStorage(_directory);

        Assert.Equal("{\"seq\":1}", Encoding.UTF8.GetString(reopened.Read("jrn.e.1")));
    }

    [Fact]
    public void Read_MissingKey_ReturnsNull()
    {
        Assert.Null(new FolderStorage(_directory).Read("nothing"));
    }

    [Fact]
    public void List_Prefix_ReturnsOnlyMatchingKeysAndNeverTempFiles()
    {
        var storage = new FolderStorage(_directory);
        storage.Write("jrn.e.1", new byte[] { 1 });
        storage.Write("jrn.e.2", new byte[] { 2 });
        storage.Write("cmd.counter", new byte[] { 3 });
        File.WriteAllBytes(Path.Combine(_directory, "jrn.e.3.tmp~"), new byte[] { 4 });

        Assert.Equal(new[] { "jrn.e.1", "jrn.e.2" }, storage.List("jrn.e.").Order().ToArray());
    }

    [Fact]
    public void Open_LeftoverTempFileFromInterruptedWrite_IsRemovedAndOldValueKept()
    {
        var storage = new FolderStorage(_directory);
        storage.Write("boot.count", Encoding.UTF8.GetBytes("4"));
        File.WriteAllBytes(Path.Combine(_directory, "boot.count.tmp~"), Encoding.UTF8.GetBytes("5-torn"));

        var reopened = new FolderStorage(_directory);

        Assert.Equal("4", Encoding.UTF8.GetString(reopened.Read("boot.count")));
        Assert.Empty(Directory.GetFiles(_directory, "*.tmp~"));
    }

    [Fact]
    public void Delete_ThenRead_ReturnsNull()
    {
        var storage = new FolderStorage(_directory);
        storage.Write("k", new byte[] { 1 });

        storage.Delete("k");
        storage.Delete("k");

        Assert.Null(storage.Read("k"));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a/b")]
    [InlineData("")]
    [InlineData("..")]
    public void Write_KeyOutsideTheRule_IsRefused(string key)
    {
        Assert.Throws<ArgumentException>(() => new FolderStorage(_directory).Write(key, new byte[] { 1 }));
    }
}
