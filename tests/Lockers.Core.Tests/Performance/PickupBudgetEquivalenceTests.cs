using System.Collections;
using System.Text;
using Lockers.Core.Collections;
using Lockers.Core.Commands;
using Lockers.Core.Journal;
using Lockers.Core.Protocol;
using Lockers.Core.Tests.Fakes;

namespace Lockers.Core.Tests.Performance;

/// <summary>
/// What replaced the straightforward code to bring a pickup under 2 KB (canonical bytes written in place, small
/// maps instead of Hashtables, the journal keeping its keys, one event instance refilled) must behave exactly as
/// what it replaced. The command reader has its own class: <see cref="SignedCommandReaderEquivalenceTests"/>.
/// </summary>
public sealed class PickupBudgetEquivalenceTests
{
    public static TheoryData<SignedCommand> Commands()
    {
        var nullStrings = SignedCommand.Create("L1", "c", 1, 2, CommandActions.Unlock);
        nullStrings.Reader = null!;
        nullStrings.Text = null!;
        return new TheoryData<SignedCommand>
        {
            Tests.Commands.CommandTestData.ExampleUnlock(),
            SignedCommand.Unlock("lk-000042", "cmd-00000001", 1, 1_790_000_000, 1),
            SignedCommand.OutOfService("L1", "c-2", long.MaxValue, long.MaxValue, int.MaxValue, true),
            SignedCommand.OutOfService("L1", "c-3", long.MinValue, long.MinValue, int.MinValue, false),
            SignedCommand.Deny("L1", "c-4", -1, -10, "kp-1", -7),
            SignedCommand.ShowMessage("L1", "c-5", 0, 0, "kp-1", "é ß ÿ € 中文 \uFFFD \U0001F512 lock\nsecond line\n"),
            SignedCommand.ShowMessage("L1", "lone \uD800 high", 9, 9, "\uDC00 low", "ends high \uD83D"),
            SignedCommand.ShowMessage("L1", "\uDBFF", 9, 9, "r", "\uDFFF starts low"),
            nullStrings,
        };
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void CanonicalBytes_AreTheUtf8OfTheCanonicalText(SignedCommand command)
    {
        Assert.Equal(Encoding.UTF8.GetBytes(command.CanonicalText()), command.CanonicalBytes());
    }

    [Theory]
    [InlineData("unlock")]
    [InlineData("out_of_service")]
    [InlineData("show_message")]
    [InlineData("deny")]
    [InlineData("sync_codes")]
    [InlineData("Unlock")]
    [InlineData("")]
    [InlineData("explode")]
    public void CommandActions_IsKnown_MeansListedInAll(string action)
    {
        Assert.Equal(CommandActions.All.Contains(action), CommandActions.IsKnown(action));
    }

    /// <summary>Random operations on a LongMap and a Hashtable side by side (int and long keys, as the core used them).</summary>
    [Fact]
    public void LongMap_RandomOperations_BehaveAsHashtable()
    {
        var random = new Random(7);
        var map = new LongMap(2);
        var table = new Hashtable();
        for (int step = 0; step < 20_000; step++)
        {
            long key = random.Next(40);
            long value = random.Next(1_000);
            switch (random.Next(10))
            {
                case 0:
                case 1:
                case 2:
                    map.Set(key, value);
                    table[key] = value;
                    break;
                case 3:
                case 4:
                    Assert.Equal(table.Contains(key), map.Remove(key));
                    table.Remove(key);
                    break;
                case 5:
                    if (random.Next(50) == 0)
                    {
                        map.Clear();
                        table.Clear();
                    }

                    break;
                case 6:
                case 7:
                    Assert.Equal(table.Contains(key), map.Contains(key));
                    break;
                default:
                    bool found = map.TryGet(key, out long got);
                    Assert.Equal(table.Contains(key), found);
                    Assert.Equal(found ? (long)table[key]! : 0, got);
                    break;
            }

            Assert.Equal(table.Count, map.Count);
        }
    }

    /// <summary>The journal's list of entries against the ArrayList of boxed seqs it replaced, keys built by JournalKeys.</summary>
    /// <summary>The journal builds every key in one reused buffer: a shorter key after a longer one must not keep its tail.</summary>
    [Fact]
    public void JournalKeys_EntryInAReusedBuffer_IsTheKeyWithItsOwnArray()
    {
        var scratch = new char[JournalKeys.MaxEntryKeyLength];
        long[] seqs = { long.MaxValue, 1, 9_999_999_999, 10_000_000_000, 0, 123_456, 1_000_000_000_000_000_000, 42, -1, -12_345_678_901, 7 };
        var random = new Random(5);
        for (int i = 0; i < 2_000; i++)
        {
            long seq = i < seqs.Length ? seqs[i] : random.NextInt64(0, long.MaxValue) >> random.Next(63);
            string expected = seq >= 0 ? "jrn.e." + seq.ToString("D10", System.Globalization.CultureInfo.InvariantCulture) : JournalKeys.Entry(seq);
            Assert.Equal(expected, JournalKeys.Entry(seq));
            Assert.Equal(expected, JournalKeys.Entry(seq, scratch));
        }
    }

    [Fact]
    public void JournalEntries_RandomOperations_BehaveAsArrayListWithEntryKeys()
    {
        var random = new Random(11);
        var entries = new JournalEntries();
        var list = new ArrayList();
        long nextSeq = 1;
        for (int step = 0; step < 20_000; step++)
        {
            // Grows to a few hundred entries (past the kept keys and several growths), then drains.
            bool growing = (step / 2_000) % 2 == 0;
            int operation = random.Next(10);
            if (list.Count == 0 || (growing ? operation < 6 : operation < 2))
            {
                long seq = nextSeq++;
                entries.Add(seq, random.Next(2) == 0 ? JournalKeys.Entry(seq) : null);
                list.Add(seq);
            }
            else if (operation < 8)
            {
                int index = random.Next(5) == 0 ? random.Next(list.Count) : 0;
                entries.RemoveAt(index);
                list.RemoveAt(index);
            }
            else
            {
                long probe = 1 + random.Next((int)nextSeq);
                Assert.Equal(list.IndexOf(probe), entries.IndexOf(probe));
            }

            Assert.Equal(list.Count, entries.Count);
            if (list.Count > 0)
            {
                int index = random.Next(list.Count);
                Assert.Equal((long)list[index]!, entries.SeqAt(index));
                Assert.Equal(JournalKeys.Entry((long)list[index]!), entries.KeyAt(index));
            }
        }
    }

    [Fact]
    public void LockerEvent_Refilled_EqualsAFreshEventFieldForField()
    {
        var clock = new FakeClock(new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc), uptimeMs: 5_000);
        LockerEvent reused = Dirty();

        var door = LockerEvent.Door(3, DoorStates.Opened);
        Assert.Equal(Describe(door), Describe(reused.RefillDoor(3, DoorStates.Opened)));
        door.Stamp(2, clock);
        reused.Stamp(2, clock);
        Assert.Equal(door.ToJson(), reused.ToJson());

        var code = LockerEvent.CodeEntered(CodeSources.Keypad, "kp-1", "482913");
        Assert.Equal(Describe(code), Describe(reused.RefillCodeEntered(CodeSources.Keypad, "kp-1", "482913", 0, 0)));
        Assert.Equal(Describe(LockerEvent.Door(1, DoorStates.Closed)), Describe(Dirty().RefillDoor(1, DoorStates.Closed)));
        Assert.Equal(Describe(LockerEvent.CodeEntered(CodeSources.Qr, "qr-1", "LQ1")), Describe(Dirty().RefillCodeEntered(CodeSources.Qr, "qr-1", "LQ1", 0, 0)));
        Assert.Equal(Describe(LockerEvent.CodeEntered(CodeSources.Qr, "qr-1", "LQ1", 3000007, 10000)),
            Describe(Dirty().RefillCodeEntered(CodeSources.Qr, "qr-1", "LQ1", 3000007, 10000)));
    }

    // An event with every property set (found by reflection, so a property added later is covered), as no factory makes one.
    private static LockerEvent Dirty()
    {
        var e = new LockerEvent();
        foreach (var property in typeof(LockerEvent).GetProperties())
        {
            object value = property.PropertyType == typeof(string) ? "x" : Convert.ChangeType(9, property.PropertyType);
            property.SetValue(e, value);
        }

        return e;
    }

    private static string Describe(LockerEvent e) =>
        string.Join("|", typeof(LockerEvent).GetProperties().Select(property => property.Name + "=" + property.GetValue(e)));
}
