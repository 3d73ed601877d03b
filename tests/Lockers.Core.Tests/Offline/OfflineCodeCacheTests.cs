using Lockers.Core.Offline;
using Lockers.Core.Protocol;
using Lockers.Core.Tests.Fakes;

namespace Lockers.Core.Tests.Offline;

public class OfflineCodeCacheTests
{
    private static readonly byte[] CommandKey = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private const long Now = 1_772_352_000; // 2026-03-01T08:00:00Z

    [Fact]
    public void Find_RightCodeRightReaderInTime_FindsIt_EverythingElseDoesNot()
    {
        var cache = Cache(new FakeStorage(), 1, Entry(5, 3, 'p', "482913"), Entry(6, 3, 'q', "QR-ABC"), Entry(7, 4, 'd', "12345678"));

        Assert.Equal(3, cache.CompartmentAt(cache.Find("482913", fromScanner: false, Now)));
        Assert.Equal(-1, cache.Find("482913", fromScanner: true, Now));
        Assert.Equal(-1, cache.Find("482914", fromScanner: false, Now));
        Assert.Equal(-1, cache.Find("QR-ABC", fromScanner: false, Now));
        Assert.Equal(6, cache.RefAt(cache.Find("QR-ABC", fromScanner: true, Now)));
        Assert.Equal(7, cache.RefAt(cache.Find("12345678", fromScanner: true, Now)));
        Assert.Equal(7, cache.RefAt(cache.Find("12345678", fromScanner: false, Now)));
        Assert.Equal(-1, cache.Find("482913", fromScanner: false, Now + 3601));
    }

    [Fact]
    public void Verifier_IsKeyedPerLocker_AndIsNotTheCode()
    {
        byte[] mine = OfflineVerifier.Compute(OfflineVerifier.DeriveKey(CommandKey), "482913");
        byte[] other = OfflineVerifier.Compute(OfflineVerifier.DeriveKey(CommandKey.Select(b => (byte)(b ^ 0xFF)).ToArray()), "482913");

        Assert.Equal(CachedCodes.VerifierLength, mine.Length);
        Assert.NotEqual(mine, other);
        var cache = Cache(new FakeStorage(), 1, CachedCodes.FormatEntry(5, 3, 'p', Now + 60, other));
        Assert.Equal(-1, cache.Find("482913", false, Now));
    }

    [Fact]
    public void ApplyPart_OlderVersionAfterANewerOne_IsIgnored()
    {
        var cache = Cache(new FakeStorage(), 5, Entry(5, 3, 'p', "111111"));

        Assert.Equal("", cache.ApplyPart(4, 1, 1, Entry(6, 3, 'p', "222222")));

        Assert.Equal(5, cache.Version);
        Assert.NotEqual(-1, cache.Find("111111", false, Now));
        Assert.Equal(-1, cache.Find("222222", false, Now));
    }

    [Fact]
    public void ApplyPart_InterruptedByANewVersion_StartsOverWithIt()
    {
        var cache = Cache(new FakeStorage(), 1, Entry(5, 3, 'p', "111111"));

        Assert.Equal("", cache.ApplyPart(2, 1, 2, Entry(6, 3, 'p', "222222")));
        Assert.Equal("", cache.ApplyPart(3, 1, 1, Entry(7, 3, 'p', "333333")));
        Assert.Equal("", cache.ApplyPart(2, 2, 2, Entry(8, 3, 'p', "444444"))); // superseded: ignored
        Assert.Equal(CommandResults.OutOfOrder, cache.ApplyPart(4, 2, 2, Entry(9, 3, 'p', "555555"))); // its part 1 never came

        Assert.Equal(3, cache.Version);
        Assert.Equal(1, cache.Count);
        Assert.NotEqual(-1, cache.Find("333333", false, Now));
    }

    [Fact]
    public void SavedCache_IsReadBackByTheNextBoot_AndATornOneIsDropped()
    {
        var storage = new FakeStorage();
        Cache(storage, 4, Entry(5, 3, 'p', "111111"), Entry(6, 1, 'c', "87654321"));

        var again = new OfflineCodeCache(CommandKey, storage);
        Assert.Equal((4L, 2), (again.Version, again.Count));
        Assert.NotEqual(-1, again.Find("87654321", true, Now));

        storage.Write(OfflineCodeCache.StorageKey, new byte[] { (byte)'{', (byte)'"' });
        var torn = new OfflineCodeCache(CommandKey, storage);
        Assert.True(torn.WasUnreadable);
        Assert.Equal((0L, 0), (torn.Version, torn.Count));
    }

    [Fact]
    public void Save_Failing_DeletesTheSavedCache_SoARebootCannotBringBackRevokedCodes()
    {
        var storage = new FakeStorage();
        var cache = Cache(storage, 1, Entry(5, 3, 'p', "111111"));
        storage.FailWritesWith = new IOException("flash worn out");

        Assert.Equal("", cache.ApplyPart(2, 1, 1, ""));

        Assert.Null(storage.Read(OfflineCodeCache.StorageKey));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Capacity_IsBounded_ByTheProtocol()
    {
        var parts = Enumerable.Range(0, CachedCodes.MaxParts)
            .Select(p => string.Join(";", Enumerable.Range(1, CachedCodes.MaxPerPart).Select(i => Entry(p * 100 + i, 1, 'p', $"{p:00}{i:0000}"))))
            .ToArray();
        var cache = new OfflineCodeCache(CommandKey, new FakeStorage());

        for (int p = 0; p < parts.Length; p++) Assert.Equal("", cache.ApplyPart(1, p + 1, parts.Length, parts[p]));

        Assert.Equal(CachedCodes.Capacity, cache.Count);
        Assert.NotEqual("", CachedCodes.Problem(parts[0] + ";" + Entry(999, 1, 'p', "999999")));
    }

    private static string Entry(long codeRef, int compartment, char kind, string code) =>
        CachedCodes.FormatEntry(codeRef, compartment, kind, Now + 3600, OfflineVerifier.Compute(OfflineVerifier.DeriveKey(CommandKey), code));

    private static OfflineCodeCache Cache(FakeStorage storage, long version, params string[] entries)
    {
        var cache = new OfflineCodeCache(CommandKey, storage);
        Assert.Equal("", cache.ApplyPart(version, 1, 1, string.Join(";", entries)));
        return cache;
    }
}
