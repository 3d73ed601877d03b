using System.Text;
using Lockers.Core.Commands;
using Lockers.Core.Protocol;
using Lockers.Core.Tests.Fakes;

namespace Lockers.Core.Tests.Commands;

public class CommandVerifierTests
{
    private readonly FakeStorage _storage = new();
    private readonly FakeClock _clock = new(CommandTestData.Now);
    private readonly CommandSigner _signer = new(CommandTestData.Key());

    private CommandVerifier NewVerifier() => new(CommandTestData.LockerId, CommandTestData.Key(), _clock, _storage);

    private byte[] Signed(long counter, long expiresAt = CommandTestData.NowUnixSeconds + 60, string lockerId = CommandTestData.LockerId) =>
        _signer.SignToJson(SignedCommand.Unlock(lockerId, "c-" + counter, counter, expiresAt, 3));

    [Fact]
    public void Verify_ValidCommand_IsAcceptedAndCounterSavedFirst()
    {
        var verdict = NewVerifier().Verify(Signed(42));

        Assert.True(verdict.Accepted);
        Assert.Equal("", verdict.Reason);
        Assert.Equal("c-42", verdict.CommandId);
        Assert.Equal(3, verdict.Command!.Compartment);
        Assert.Equal("42", Encoding.ASCII.GetString(_storage.Read(CommandVerifier.CounterKey)));
        Assert.Equal("{\"id\":\"c-42\",\"result\":\"ok\"}", Encoding.UTF8.GetString(verdict.ToResult().ToJson()));
    }

    [Fact]
    public void Verify_ExampleFromTheDocument_IsAccepted()
    {
        var payload = CommandTestData.ExampleUnlock();
        new CommandSigner(CommandTestData.Key()).Sign(payload);

        Assert.True(NewVerifier().Verify(payload.ToJson()).Accepted);
    }

    [Fact]
    public void Verify_SameCommandTwice_SecondIsReplay()
    {
        var verifier = NewVerifier();
        byte[] payload = Signed(5);

        Assert.True(verifier.Verify(payload).Accepted);
        var second = verifier.Verify(payload);

        Assert.False(second.Accepted);
        Assert.Equal(RefusalReasons.Replay, second.Reason);
    }

    [Fact]
    public void Verify_LowerCounterAfterHigher_IsReplay()
    {
        var verifier = NewVerifier();
        verifier.Verify(Signed(10));

        Assert.Equal(RefusalReasons.Replay, verifier.Verify(Signed(9)).Reason);
        Assert.True(verifier.Verify(Signed(11)).Accepted);
        Assert.Equal(11, verifier.LastAcceptedCounter);
    }

    [Fact]
    public void Verify_ReplayAfterReboot_IsRefusedByANewVerifier()
    {
        byte[] payload = Signed(7);
        Assert.True(NewVerifier().Verify(payload).Accepted);

        var afterReboot = NewVerifier();

        Assert.Equal(7, afterReboot.LastAcceptedCounter);
        Assert.Equal(RefusalReasons.Replay, afterReboot.Verify(payload).Reason);
    }

    [Fact]
    public void Verify_TamperedField_IsBadSignature()
    {
        string json = Encoding.UTF8.GetString(Signed(3)).Replace("\"compartment\":3", "\"compartment\":4");

        var verdict = NewVerifier().Verify(Encoding.UTF8.GetBytes(json));

        Assert.Equal(RefusalReasons.BadSignature, verdict.Reason);
        Assert.Null(_storage.Read(CommandVerifier.CounterKey));
    }

    [Fact]
    public void Verify_SignedWithAnotherKey_IsBadSignature()
    {
        var otherKey = CommandTestData.Key();
        otherKey[0] ^= 1;
        byte[] payload = new CommandSigner(otherKey).SignToJson(SignedCommand.Unlock(CommandTestData.LockerId, "x", 1, CommandTestData.NowUnixSeconds + 60, 1));

        Assert.Equal(RefusalReasons.BadSignature, NewVerifier().Verify(payload).Reason);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("")]
    [InlineData("AAAA")]
    public void Verify_UnusableSignature_IsBadSignature(string signature)
    {
        var command = SignedCommand.Unlock(CommandTestData.LockerId, "x", 1, CommandTestData.NowUnixSeconds + 60, 1);
        command.Signature = signature;

        Assert.Equal(RefusalReasons.BadSignature, NewVerifier().Verify(command.ToJson()).Reason);
    }

    [Fact]
    public void Verify_PastExpiry_IsExpiredAndCounterNotConsumed()
    {
        var verifier = NewVerifier();
        byte[] payload = Signed(4, expiresAt: CommandTestData.NowUnixSeconds + 10);
        _clock.Advance(TimeSpan.FromSeconds(11));

        Assert.Equal(RefusalReasons.Expired, verifier.Verify(payload).Reason);
        Assert.Equal(0, verifier.LastAcceptedCounter);
    }

    [Fact]
    public void Verify_AtTheExpirySecond_IsStillAccepted()
    {
        _clock.Advance(TimeSpan.FromMilliseconds(10_999));

        Assert.True(NewVerifier().Verify(Signed(4, expiresAt: CommandTestData.NowUnixSeconds + 10)).Accepted);
    }

    [Fact]
    public void Verify_NoWallTime_IsNoTime()
    {
        _clock.ClearWallTime();

        Assert.Equal(RefusalReasons.NoTime, NewVerifier().Verify(Signed(1)).Reason);
    }

    [Fact]
    public void Verify_OtherLocker_IsWrongLocker()
    {
        var verdict = NewVerifier().Verify(Signed(1, lockerId: "demo-2"));

        Assert.Equal(RefusalReasons.WrongLocker, verdict.Reason);
        Assert.Equal("c-1", verdict.CommandId);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"id\":\"c-9\"}")]
    [InlineData("{\"locker\":\"demo-1\",\"id\":\"c-9\",\"counter\":1,\"expires\":1,\"action\":\"explode\",\"sig\":\"\"}")]
    [InlineData("{\"locker\":\"demo-1\",\"id\":\"c-9\",\"counter\":\"1\",\"expires\":1,\"action\":\"unlock\",\"sig\":\"\"}")]
    public void Verify_Malformed_IsMalformedWithIdWhenReadable(string json)
    {
        var verdict = NewVerifier().Verify(Encoding.UTF8.GetBytes(json));

        Assert.False(verdict.Accepted);
        Assert.Equal(RefusalReasons.Malformed, verdict.Reason);
        Assert.Null(verdict.Command);
        Assert.Equal(json.Contains("c-9") ? "c-9" : "", verdict.CommandId);
    }

    [Fact]
    public void Verify_CounterCannotBeSaved_IsRefusedAndNotAccepted()
    {
        var verifier = NewVerifier();
        _storage.FailWritesWith = new IOException("flash full");

        var verdict = verifier.Verify(Signed(1));

        Assert.Equal(RefusalReasons.StorageError, verdict.Reason);
        Assert.Equal(0, verifier.LastAcceptedCounter);
    }

    [Fact]
    public void Constructor_CorruptStoredCounter_StartsFromZeroAndSaysSo()
    {
        _storage.Seed(CommandVerifier.CounterKey, Encoding.ASCII.GetBytes("12a"));

        var verifier = NewVerifier();

        Assert.True(verifier.CounterWasUnreadable);
        Assert.Equal(0, verifier.LastAcceptedCounter);
        Assert.True(verifier.Verify(Signed(1)).Accepted);
    }

    [Fact]
    public void Refusal_ToResultAndEvent_CarryReason()
    {
        var verdict = NewVerifier().Verify(Signed(1, lockerId: "demo-2"));

        Assert.Equal("{\"id\":\"c-1\",\"result\":\"refused\",\"reason\":\"wrong_locker\"}", Encoding.UTF8.GetString(verdict.ToResult().ToJson()));
        var refused = verdict.ToRefusedEvent();
        Assert.Equal(EventKinds.CommandRefused, refused.Kind);
        Assert.Equal("c-1", refused.CommandId);
        Assert.Equal(RefusalReasons.WrongLocker, refused.Reason);
    }
}
