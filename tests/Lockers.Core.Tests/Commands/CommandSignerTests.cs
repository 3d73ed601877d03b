using System.Text;
using Lockers.Core.Commands;
using Lockers.Core.Json;
using Lockers.Core.Protocol;

namespace Lockers.Core.Tests.Commands;

public class CommandSignerTests
{
    // The worked example in docs/protocol.md: if this changes, the document is wrong.
    internal const string ExampleCanonical = "lockers-cmd-v2\ndemo-1\nc-42\n42\n1767225660\nunlock\n3\n0\n\n0\n7000001\n0\n0\n0\n\n";
    internal const string ExampleHex = "15a98969b20e93fc776f68cc64e4cde809488bf649610f7d013c57a6df98ee50";
    internal const string ExampleBase64 = "FamJabIOk/x3b2jMZOTN6AlIi/ZJYQ99ATxXpt+Y7lA=";
    internal const string ExampleJson =
        "{\"locker\":\"demo-1\",\"id\":\"c-42\",\"counter\":42,\"expires\":1767225660,\"action\":\"unlock\",\"compartment\":3,\"entry\":7000001,\"sig\":\"" + ExampleBase64 + "\"}";

    [Fact]
    public void Canonical_ExampleUnlock_IsTheDocumentedText()
    {
        Assert.Equal(ExampleCanonical, CommandTestData.ExampleUnlock().CanonicalText());
        Assert.Equal(Encoding.UTF8.GetBytes(ExampleCanonical), CommandTestData.ExampleUnlock().CanonicalBytes());
    }

    [Fact]
    public void Sign_ExampleUnlock_GivesTheDocumentedSignature()
    {
        var signer = new CommandSigner(CommandTestData.Key());
        var command = CommandTestData.ExampleUnlock();

        string signature = signer.Sign(command);

        Assert.Equal(ExampleHex, Convert.ToHexString(signer.ComputeSignature(command)).ToLowerInvariant());
        Assert.Equal(ExampleBase64, signature);
        Assert.Equal(ExampleJson, Encoding.UTF8.GetString(command.ToJson()));
    }

    [Fact]
    public void Sign_MatchesAnIndependentHmac()
    {
        var command = CommandTestData.ExampleUnlock();
        using var hmac = new System.Security.Cryptography.HMACSHA256(CommandTestData.Key());

        new CommandSigner(CommandTestData.Key()).Sign(command);

        Assert.Equal(Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(ExampleCanonical))), command.Signature);
    }

    [Fact]
    public void Canonical_EveryArgument_IsCoveredInFixedOrder()
    {
        var command = SignedCommand.ShowMessage("L1", "m-1", 7, 100, "k2", "Line 1\nLine 2");
        command.Compartment = 4;
        command.On = true;
        command.RetryAfterS = 30;

        command.Entry = 12;

        Assert.Equal("lockers-cmd-v2\nL1\nm-1\n7\n100\nshow_message\n4\n1\nk2\n30\n12\n0\n0\n0\n\nLine 1\nLine 2", command.CanonicalText());
    }

    [Fact]
    public void Canonical_RestingShowMessageKey_IsTheV2FormWithRetryAfterS_SoAnOlderLockerVerifiesIt()
    {
        // ADR 0311: the resting time travels in retry_after_s, a line every locker already signs, so a locker that
        // predates resting texts checks the same bytes and just shows the text as before.
        var command = SignedCommand.ShowMessageKey("L1", "m-1", 7, 100, "kp-1", "round_deposit|1|4|2", 600);
        var signer = new CommandSigner(CommandTestData.Key());

        var parsed = SignedCommand.Parse(signer.SignToJson(command));

        Assert.Equal("lockers-cmd-v2\nL1\nm-1\n7\n100\nshow_message_key\n0\n0\nkp-1\n600\n0\n0\n0\n0\n\nround_deposit|1|4|2", command.CanonicalText());
        Assert.Contains("\"retry_after_s\":600", Encoding.UTF8.GetString(command.ToJson()));
        Assert.Equal(600, parsed.RetryAfterS);
        Assert.Equal(command.Signature, Convert.ToBase64String(signer.ComputeSignature(parsed)));
    }

    [Fact]
    public void Canonical_SyncCodes_CoversVersionPartsAndCodes()
    {
        var command = SignedCommand.SyncCodes("L1", "s-1", 8, 100, 5, 2, 3, "7,1,p,100," + new string('A', 22) + "==");

        Assert.Equal("lockers-cmd-v2\nL1\ns-1\n8\n100\nsync_codes\n0\n0\n\n0\n0\n5\n2\n3\n7,1,p,100," + new string('A', 22) + "==\n",
            command.CanonicalText());
        Assert.Equal(Encoding.UTF8.GetBytes(command.CanonicalText()), command.CanonicalBytes());
    }

    [Fact]
    public void Json_EveryAction_RoundTripsWithSignature()
    {
        var signer = new CommandSigner(CommandTestData.Key());
        var commands = new[]
        {
            SignedCommand.Unlock("L1", "a", 1, 10, 2),
            SignedCommand.OutOfService("L1", "b", 2, 10, 0, true),
            SignedCommand.ShowMessage("L1", "c", 3, 10, "k1", "Hello \"you\"\n"),
            SignedCommand.Deny("L1", "d", 4, 10, "q1", 45),
            SignedCommand.SyncCodes("L1", "e", 5, 10, 3, 1, 2, "9,4,d,1767225600,AAECAwQFBgcICQoLDA0ODw=="),
            SignedCommand.SyncCodes("L1", "f", 6, 10, 4, 1, 1, ""),
        };

        foreach (var command in commands)
        {
            byte[] json = signer.SignToJson(command);
            var parsed = SignedCommand.Parse(json);

            Assert.Equal(command.CanonicalText(), parsed.CanonicalText());
            Assert.Equal(command.Signature, parsed.Signature);
            Assert.Equal(json, parsed.ToJson());
        }
    }

    [Fact]
    public void Json_DefaultArguments_AreOmitted()
    {
        var command = SignedCommand.OutOfService("L1", "b", 2, 10, 0, false);
        command.Signature = "sig";

        Assert.Equal("{\"locker\":\"L1\",\"id\":\"b\",\"counter\":2,\"expires\":10,\"action\":\"out_of_service\",\"sig\":\"sig\"}",
            Encoding.UTF8.GetString(command.ToJson()));
    }

    [Theory]
    [InlineData("bad/id", "c", 1, CommandActions.Unlock, 1, "", "'locker'")]
    [InlineData("L1", "", 1, CommandActions.Unlock, 1, "", "'id'")]
    [InlineData("L1", "c\n", 1, CommandActions.Unlock, 1, "", "'id'")]
    [InlineData("L1", "c", 0, CommandActions.Unlock, 1, "", "'counter'")]
    [InlineData("L1", "c", 1, "explode", 1, "", "'action'")]
    [InlineData("L1", "c", 1, CommandActions.Unlock, 0, "", "'compartment'")]
    [InlineData("L1", "c", 1, CommandActions.Deny, 0, "", "'reader'")]
    [InlineData("L1", "c", 1, CommandActions.Deny, 0, "k\n1", "'reader'")]
    public void Sign_CommandBreakingARule_ThrowsNamingField(string locker, string id, long counter, string action, int compartment, string reader, string field)
    {
        var command = SignedCommand.Create(locker, id, counter, 10, action);
        command.Compartment = compartment;
        command.Reader = reader;

        var error = Assert.Throws<ArgumentException>(() => new CommandSigner(CommandTestData.Key()).Sign(command));
        Assert.Contains(field, error.Message);
    }

    [Fact]
    public void Parse_MissingSignature_IsMalformed()
    {
        var error = Assert.Throws<JsonException>(() => SignedCommand.Parse(Encoding.UTF8.GetBytes(
            "{\"locker\":\"L1\",\"id\":\"b\",\"counter\":2,\"expires\":10,\"action\":\"unlock\",\"compartment\":1}")));
        Assert.Equal("missing field 'sig'", error.Message);
    }

    [Fact]
    public void Signer_ShortKey_Throws()
    {
        Assert.Throws<ArgumentException>(() => new CommandSigner(new byte[15]));
    }

    [Fact]
    public void FixedTime_AreEqual_ComparesContentAndLength()
    {
        Assert.True(FixedTime.AreEqual(new byte[] { 1, 2, 3 }, new byte[] { 1, 2, 3 }));
        Assert.False(FixedTime.AreEqual(new byte[] { 1, 2, 3 }, new byte[] { 1, 2, 4 }));
        Assert.False(FixedTime.AreEqual(new byte[] { 9, 2, 3 }, new byte[] { 1, 2, 3 }));
        Assert.False(FixedTime.AreEqual(new byte[] { 1, 2 }, new byte[] { 1, 2, 3 }));
        Assert.False(FixedTime.AreEqual(null!, new byte[0]));
        Assert.True(FixedTime.AreEqual(new byte[0], new byte[0]));
    }
}
