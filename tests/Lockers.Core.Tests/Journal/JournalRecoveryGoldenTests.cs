using System.Text;
using Lockers.Core.Journal;
using Lockers.Core.Protocol;
using Lockers.Core.Tests.Fakes;
using Lockers.Testing;

namespace Lockers.Core.Tests.Journal;

/// <summary>
/// What the journal makes of damaged flash (the files in Golden/, see its README): the numbering continues only where
/// the stored state proves it, otherwise a new epoch starts at seq 1; whatever was wrong is said in words, for the
/// storage_fault event the controller sends; nothing throws.
/// </summary>
public class JournalRecoveryGoldenTests
{
    private const string Epoch = "9f3c5a1b2d4e6f70";
    private static readonly string Entry57 = JournalKeys.Entry(57);
    private readonly FakeStorage _storage = new();
    private readonly FakeClock _clock = new(uptimeMs: 5000);

    private void Seed(string key, string goldenFile) =>
        _storage.Seed(key, File.ReadAllBytes(RepositoryRoot.File("tests", "Lockers.Core.Tests", "Journal", "Golden", goldenFile)));

    private EventJournal Open() => new(_storage, _clock);

    [Fact]
    public void SoundCounterAndEntry_NumberingContinuesWithoutAProblem()
    {
        Seed(JournalKeys.NextSeq, "next-epoch");
        Seed(Entry57, "entry-57.json");

        var journal = Open();

        Assert.Equal(Epoch, journal.Epoch);
        Assert.Equal(58, journal.NextSeq);
        Assert.Equal(new long[] { 57 }, journal.PendingSeqs());
        Assert.Equal("", journal.StorageProblems);
        Assert.False(journal.StartedNewEpoch);
    }

    [Fact]
    public void LegacyCounterAndEntry_KeepTheLegacyEpochAndItsNumbers()
    {
        Seed(JournalKeys.NextSeq, "next-legacy");
        Seed(Entry57, "entry-57-legacy.json");

        var journal = Open();
        journal.Append(LockerEvent.Tamper("lid"));

        Assert.Equal(Epochs.Legacy, journal.Epoch);
        Assert.Equal(new long[] { 57, 58 }, journal.PendingSeqs());
        Assert.Equal("59", Encoding.ASCII.GetString(_storage.Read(JournalKeys.NextSeq)));
        Assert.Equal("", LockerEvent.Parse(journal.Read(58)!).Epoch); // written with its (empty) epoch from now on
        Assert.Null(LockerEvent.Parse(journal.Read(57)!).Epoch); // the old entry is sent as it was stored
        Assert.Equal("", journal.StorageProblems);
    }

    [Theory]
    [InlineData("next-garbage", "unreadable")]
    [InlineData("next-torn", "unreadable")]
    [InlineData("next-uppercase-epoch", "unreadable")]
    [InlineData("next-empty", "unreadable")]
    [InlineData(null, "missing")]
    public void DamagedCounter_WithTheNewestEntryLeft_ContinuesAfterItInItsEpoch(string? counterFile, string problem)
    {
        if (counterFile is not null)
        {
            Seed(JournalKeys.NextSeq, counterFile);
        }

        Seed(Entry57, "entry-57.json");

        var journal = Open();

        Assert.Equal(Epoch, journal.Epoch);
        Assert.Equal(58, journal.NextSeq);
        Assert.Equal(new long[] { 57 }, journal.PendingSeqs());
        Assert.Contains("sequence counter is " + problem, journal.StorageProblems);
        Assert.Contains("numbering continues after the newest journal entry (seq 57)", journal.StorageProblems);
        Assert.False(journal.StartedNewEpoch);
    }

    [Theory]
    [InlineData("next-garbage")]
    [InlineData("next-torn")]
    [InlineData("next-empty")]
    public void DamagedCounter_NothingLeftToProveTheNumbering_StartsANewEpochAtOne(string counterFile)
    {
        Seed(JournalKeys.NextSeq, counterFile);
        _storage.Seed(JournalKeys.Dropped, Encoding.ASCII.GetBytes("3"));

        var journal = Open();

        Assert.True(journal.StartedNewEpoch);
        Assert.NotEqual(Epoch, journal.Epoch);
        Assert.Equal(Epochs.Length, journal.Epoch.Length);
        Assert.Equal(1, journal.Append(LockerEvent.Tamper("lid")));
        Assert.Equal(journal.Epoch + ":2", Encoding.ASCII.GetString(_storage.Read(JournalKeys.NextSeq)));
        Assert.Contains("a new epoch " + journal.Epoch + " starts at seq 1", journal.StorageProblems);
        Assert.Equal(3, journal.Dropped);
    }

    [Fact]
    public void TornEntryAndGarbageCounter_EntryDiscardedAndANewEpochStarts()
    {
        Seed(JournalKeys.NextSeq, "next-garbage");
        Seed(Entry57, "entry-57-torn.json");

        var journal = Open();

        Assert.Empty(journal.PendingSeqs());
        Assert.False(_storage.Contains(Entry57));
        Assert.True(journal.StartedNewEpoch);
        Assert.Equal(1, journal.NextSeq); // the torn entry's seq belonged to the old epoch: the new one starts afresh
        Assert.Equal(2, journal.CorruptSkipped);
        Assert.Contains("1 unreadable journal entries discarded", journal.StorageProblems);
    }

    [Fact]
    public void EntryOfAnotherEpoch_IsDiscardedAndSaidSo()
    {
        Seed(JournalKeys.NextSeq, "next-epoch");
        Seed(Entry57, "entry-57-other-epoch.json");

        var journal = Open();

        Assert.Equal(Epoch, journal.Epoch);
        Assert.Empty(journal.PendingSeqs());
        Assert.Equal(58, journal.NextSeq); // its seq was still handed out: never reused
        Assert.Contains("1 journal entries of another epoch discarded", journal.StorageProblems);
    }

    [Fact]
    public void UnreadableDroppedTotal_StartsAgainAtZeroAndIsSaidSo()
    {
        Seed(JournalKeys.NextSeq, "next-epoch");
        Seed(JournalKeys.Dropped, "next-garbage");

        var journal = Open();

        Assert.Equal(0, journal.Dropped);
        Assert.Contains("dropped-events total is unreadable", journal.StorageProblems);
    }
}
