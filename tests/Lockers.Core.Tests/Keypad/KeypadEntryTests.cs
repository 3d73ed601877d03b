using System.Reflection;
using Lockers.Core.Keypad;
using Lockers.Core.Ports;
using Lockers.Core.Tests.Fakes;

namespace Lockers.Core.Tests.Keypad;

public class KeypadEntryTests
{
    private readonly FakeFeedbackPort _feedback = new();
    private readonly List<string> _codes = new();

    private KeypadEntry Create(int maxLength = KeypadEntry.DefaultMaxLength, long timeoutMs = KeypadEntry.DefaultTimeoutMs)
    {
        var entry = new KeypadEntry(_feedback, maxLength, timeoutMs);
        entry.CodeEntered += _codes.Add;
        return entry;
    }

    private static KeypadResult Type(KeypadEntry entry, string keys, long startMs = 0, long stepMs = 100)
    {
        KeypadResult last = KeypadResult.Ignored;
        for (int i = 0; i < keys.Length; i++) last = entry.OnKey(keys[i], startMs + i * stepMs);
        return last;
    }

    [Fact]
    public void DigitsThenHash_RaisesCodeEnteredOnce()
    {
        var entry = Create();
        var result = Type(entry, "123456#");

        Assert.Equal(KeypadResult.Submitted, result);
        Assert.Equal(new[] { "123456" }, _codes);
        Assert.Equal(0, entry.Length);
    }

    [Fact]
    public void EachDigit_BeepsAndShowsMaskNotDigits()
    {
        var entry = Create();
        Type(entry, "482");

        Assert.Equal(new[] { "*", "**", "***" }, _feedback.Texts);
        Assert.Equal(3, _feedback.Beeps.Count(b => b == BeepKind.Key));
        Assert.DoesNotContain(_feedback.Texts, t => t.Contains('4') || t.Contains('8') || t.Contains('2'));
    }

    [Fact]
    public void Star_ClearsEntry_NextCodeStartsFresh()
    {
        var entry = Create();
        var result = Type(entry, "999*");
        Type(entry, "1234#", 1000);

        Assert.Equal(KeypadResult.Cleared, result);
        Assert.Equal(new[] { "1234" }, _codes);
    }

    [Fact]
    public void HashOnEmptyEntry_SubmitsNothingAndBeepsError()
    {
        var entry = Create();
        var result = entry.OnKey('#', 0);

        Assert.Equal(KeypadResult.NothingToSubmit, result);
        Assert.Empty(_codes);
        Assert.Equal(BeepKind.Error, _feedback.Beeps.Single());
    }

    [Fact]
    public void DigitBeyondMaxLength_DiscardsWholeEntry()
    {
        var entry = Create(maxLength: 4);
        var result = Type(entry, "12345");
        Type(entry, "77#", 2000);

        Assert.Equal(KeypadResult.TooLong, result);
        Assert.Equal(BeepKind.Error, _feedback.Beeps[4]);
        Assert.Equal(new[] { "77" }, _codes);
    }

    [Fact]
    public void ExactlyMaxLength_IsAccepted()
    {
        var entry = Create(maxLength: 4);
        Type(entry, "1234#");

        Assert.Equal(new[] { "1234" }, _codes);
    }

    [Fact]
    public void DefaultMaxLength_IsTwelve()
    {
        var entry = Create();
        Assert.Equal(KeypadResult.DigitAdded, Type(entry, "123456789012"));
        Assert.Equal(KeypadResult.TooLong, entry.OnKey('3', 2000));
    }

    [Fact]
    public void PollAfterTimeout_ClearsPartialEntry()
    {
        var entry = Create(timeoutMs: 10_000);
        Type(entry, "123");

        Assert.False(entry.Poll(200 + 9_999));
        Assert.True(entry.Poll(200 + 10_000));
        Assert.Equal(0, entry.Length);
        Assert.Equal("", _feedback.Display);
    }

    [Fact]
    public void KeyAfterTimeoutWithoutPoll_PreviousUsersDigitsAreDropped()
    {
        var entry = Create(timeoutMs: 10_000);
        Type(entry, "123");                 // first user walks away
        Type(entry, "456#", 60_000);         // next user, no Poll in between

        Assert.Equal(new[] { "456" }, _codes);
    }

    [Fact]
    public void SlowButSteadyTyping_DoesNotTimeOut()
    {
        var entry = Create(timeoutMs: 10_000);
        Type(entry, "1234#", 0, 9_000);

        Assert.Equal(new[] { "1234" }, _codes);
    }

    [Fact]
    public void UnknownKey_IsIgnoredWithErrorBeep_EntryKept()
    {
        var entry = Create();
        Type(entry, "12");
        var result = entry.OnKey('A', 300);
        entry.OnKey('#', 400);

        Assert.Equal(KeypadResult.Ignored, result);
        Assert.Equal(new[] { "12" }, _codes);
    }

    [Fact]
    public void Submit_ZeroesTheDigitBuffer()
    {
        var entry = Create();
        Type(entry, "987654#");

        var buffer = (char[])typeof(KeypadEntry).GetField("_digits", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(entry)!;
        Assert.All(buffer, c => Assert.Equal('\0', c));
    }

    [Fact]
    public void Timeout_ZeroesTheDigitBuffer()
    {
        var entry = Create();
        Type(entry, "987");
        entry.Poll(1_000_000);

        var buffer = (char[])typeof(KeypadEntry).GetField("_digits", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(entry)!;
        Assert.All(buffer, c => Assert.Equal('\0', c));
    }

    [Fact]
    public void KeyPresses_InSteadyState_AllocateNothing()
    {
        var entry = new KeypadEntry(new SilentFeedback(), 64, 10_000);
        entry.OnKey('1', 0);
        entry.OnKey('*', 1);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 50; i++) entry.OnKey('5', 10 + i);
        entry.OnKey('*', 100);
        long after = GC.GetAllocatedBytesForCurrentThread();

        Assert.Equal(0, after - before);
    }

    [Fact]
    public void Reset_DiscardsPartialEntry()
    {
        var entry = Create();
        Type(entry, "55");
        entry.Reset();
        Type(entry, "1#", 500);

        Assert.Equal(new[] { "1" }, _codes);
    }

    [Fact]
    public void Constructor_RejectsBadLimits()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new KeypadEntry(_feedback, 0, 1000));
        Assert.Throws<ArgumentOutOfRangeException>(() => new KeypadEntry(_feedback, 12, 0));
    }

    private sealed class SilentFeedback : IFeedbackPort
    {
        public void ShowText(string text) { }
        public void Beep(BeepKind kind) { }
        public void SetLed(LedState state) { }
    }
}
