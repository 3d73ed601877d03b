using System.Security.Cryptography;
using System.Text;
using Lockers.Core.Acks;
using Lockers.Core.Protocol;

namespace Lockers.Core.Tests.Acks;

/// <summary>
/// The locker's check of the gateway's acks: the worked example of docs/protocol.md, the gateway's signer and the
/// locker's verifier agreeing byte for byte, and the allocation-free reader never accepting what the general parser
/// would refuse or reading it differently.
/// </summary>
public class AckVerifierTests
{
    public const string LockerId = "demo-1";
    public const string Epoch = "9f3c5a1b2d4e6f70";

    // The worked example in docs/protocol.md: key bytes 0x00..0x1f, epoch 9f3c5a1b2d4e6f70, applied through seq 42.
    public const string ExampleCanonical = "lockers-ack-v1\ndemo-1\n9f3c5a1b2d4e6f70\n0000000000000000042\n0";
    public static readonly byte[] Key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();

    public static string ExampleJson =>
        Encoding.UTF8.GetString(new AckSigner(Key).Sign(LockerId, new AckPayload { Epoch = Epoch, Seq = 42 }).ToJson());

    public static string ExampleSignature => new AckSigner(Key).Sign(LockerId, new AckPayload { Epoch = Epoch, Seq = 42 }).Signature;

    private readonly AckVerifier _verifier = new(LockerId, Key);

    [Fact]
    public void WorkedExample_CanonicalBytesAndSignatureAreTheDocumentedOnes()
    {
        var ack = new AckPayload { Epoch = Epoch, Seq = 42 };

        Assert.Equal(ExampleCanonical, Encoding.UTF8.GetString(ack.CanonicalBytes(LockerId)));
        Assert.Equal(Convert.ToBase64String(HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes(ExampleCanonical))), ExampleSignature);
        Assert.Equal("{\"epoch\":\"9f3c5a1b2d4e6f70\",\"seq\":42,\"sig\":\"" + ExampleSignature + "\"}", ExampleJson);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(42, true)]
    [InlineData(999_999_999_999L, false)]
    public void GatewaySignedAck_IsAcceptedWithItsSeqAndReplay(long seq, bool replay)
    {
        var json = Sign(new AckPayload { Epoch = Epoch, Seq = seq, Replay = replay });

        Assert.Equal(AckVerdict.Accepted, _verifier.Verify(json, Epoch));
        Assert.Equal(seq, _verifier.Seq);
        Assert.Equal(replay, _verifier.Replay);
    }

    [Fact]
    public void LegacyEpoch_IsSignedAndCheckedLikeAnyOther()
    {
        Assert.Equal(AckVerdict.Accepted, _verifier.Verify(Sign(new AckPayload { Epoch = "", Seq = 7 }), ""));
        Assert.Equal(AckVerdict.OtherEpoch, _verifier.Verify(Sign(new AckPayload { Epoch = "", Seq = 7 }), Epoch));
    }

    [Fact]
    public void AckForAnotherLockerOrKeyOrAlteredField_IsRefused()
    {
        var forOther = new AckSigner(Key).Sign("demo-2", new AckPayload { Epoch = Epoch, Seq = 5 }).ToJson();
        var otherKey = new AckSigner(Enumerable.Repeat((byte)9, 32).ToArray()).Sign(LockerId, new AckPayload { Epoch = Epoch, Seq = 5 }).ToJson();
        var raised = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Sign(new AckPayload { Epoch = Epoch, Seq = 5 })).Replace("\"seq\":5", "\"seq\":500"));
        var replayAdded = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Sign(new AckPayload { Epoch = Epoch, Seq = 5 })).Replace("\"seq\":5", "\"seq\":5,\"replay\":true"));

        Assert.Equal(AckVerdict.BadSignature, _verifier.Verify(forOther, Epoch));
        Assert.Equal(AckVerdict.BadSignature, _verifier.Verify(otherKey, Epoch));
        Assert.Equal(AckVerdict.BadSignature, _verifier.Verify(raised, Epoch));
        Assert.Equal(AckVerdict.BadSignature, _verifier.Verify(replayAdded, Epoch));
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("{\"epoch\":\"9f3c5a1b2d4e6f70\",\"seq\":5}")]
    [InlineData("{\"epoch\":\"9f3c5a1b2d4e6f70\",\"seq\":-5,\"sig\":\"AAAA\"}")]
    [InlineData("{\"epoch\":\"9f3c5a1b2d4e6f70\",\"seq\":\"5\",\"sig\":\"AAAA\"}")]
    [InlineData("{\"epoch\":\"9f3c5a1b2d4e6f70\",\"seq\":5,\"sig\":\"not base64!\"}")]
    [InlineData("{\"epoch\":\"9f3c5a1b2d4e6f70\",\"seq\":5,\"sig\":\"AAAA\"}")]
    [InlineData("{\"epoch\":\"XYZ\",\"seq\":5,\"sig\":\"AAAA\"}")]
    public void NotAnAck_IsMalformedOrFromAnotherEpoch(string payload)
    {
        var verdict = _verifier.Verify(Encoding.UTF8.GetBytes(payload), Epoch);

        Assert.NotEqual(AckVerdict.Accepted, verdict);
    }

    [Fact]
    public void Reader_WhitespaceKeyOrderAndEscapes_DecidedLikeTheGeneralParser()
    {
        var ack = new AckSigner(Key).Sign(LockerId, new AckPayload { Epoch = Epoch, Seq = 77, Replay = true });
        string spaced = $"{{ \"sig\" : \"{ack.Signature}\" ,\n \"replay\":true, \"seq\": 77,\t\"epoch\":\"{Epoch}\" }}";
        string escaped = $"{{\"epoch\":\"{Epoch}\",\"seq\":77,\"replay\":true,\"sig\":\"{ack.Signature.Replace("/", "\\/")}\"}}";
        string extra = $"{{\"epoch\":\"{Epoch}\",\"seq\":77,\"replay\":true,\"sig\":\"{ack.Signature}\",\"note\":\"ignored\"}}";

        foreach (var text in new[] { spaced, escaped, extra })
        {
            Assert.Equal(AckVerdict.Accepted, _verifier.Verify(Encoding.UTF8.GetBytes(text), Epoch));
            Assert.Equal(77, _verifier.Seq);
            Assert.True(_verifier.Replay);
        }
    }

    [Fact]
    public void Reader_RandomlyDamagedAcks_NeverAcceptedWhereTheGeneralPathWouldNotBe()
    {
        var random = new Random(12);
        byte[] good = Sign(new AckPayload { Epoch = Epoch, Seq = 123456, Replay = true });
        for (int round = 0; round < 20_000; round++)
        {
            var damaged = (byte[])good.Clone();
            for (int flips = 1 + random.Next(3); flips > 0; flips--)
            {
                damaged[random.Next(damaged.Length)] = (byte)random.Next(32, 127);
            }

            var verdict = _verifier.Verify(damaged, Epoch);
            if (verdict == AckVerdict.Accepted)
            {
                // Whatever the fast path accepted, the general parser reads the same and the signature covers it.
                var parsed = AckPayload.Parse(damaged);
                Assert.Equal((123456L, true, Epoch), (parsed.Seq, parsed.Replay, parsed.Epoch));
                Assert.Equal((parsed.Seq, parsed.Replay), (_verifier.Seq, _verifier.Replay));
            }
        }
    }

    private static byte[] Sign(AckPayload ack) => new AckSigner(Key).Sign(LockerId, ack).ToJson();
}
