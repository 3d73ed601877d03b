using System.Text;
using Lockers.Core.Commands;
using Lockers.Core.Json;
using Lockers.Core.Protocol;
using Lockers.Core.Tests.Commands;
using Lockers.Core.Tests.Fakes;

namespace Lockers.Core.Tests.Performance;

/// <summary>
/// <see cref="SignedCommand.Parse"/> reads the usual command with <see cref="SignedCommandReader"/> and leaves
/// everything else to the general parser (JsonParser + SignedCommandCodec.Read, which is what Parse was before).
/// The reader may decline anything, but whatever it accepts the general parser must accept with the same fields;
/// and Parse as a whole must accept, and refuse with the same message, exactly what the general parser does.
/// </summary>
public sealed class SignedCommandReaderEquivalenceTests
{
    private const string Sig = "3zmYfSeJAiN7w0uU7DtrDS8tKz4rAf5s2EoO2YCQeMo=";
    private const string Head = "\"locker\":\"demo-1\",\"id\":\"c-9\",\"counter\":9,\"expires\":1767225660,";
    private const string Unlock = "{" + Head + "\"action\":\"unlock\",\"compartment\":3,\"sig\":\"" + Sig + "\"}";

    private static readonly CommandSigner Signer = new(CommandTestData.Key());

    public static TheoryData<string> Golden() => new(GoldenJson());

    /// <summary>Commands as the gateway signs them: every action, and the extremes of every field.</summary>
    private static string[] GoldenJson()
    {
        const long Expires = CommandTestData.NowUnixSeconds + 60;
        const string Punctuation = "c-!#$%&'()*+,./:;<=>?@[]^_`{|}~ 0123456789";
        var commands = new[]
        {
            CommandTestData.ExampleUnlock(),
            SignedCommand.Unlock("lk-000042", "cmd-00000001", 1, 1_790_000_000, 1),
            SignedCommand.Unlock("L", "x", 999_999_999_999_999_999, 0, int.MaxValue),
            SignedCommand.Unlock(new string('a', 64), new string('~', 64), 10, 10, 255),
            SignedCommand.Unlock("demo-1", Punctuation, 2, Expires, 2),
            SignedCommand.OutOfService("demo-1", "c-1", 3, Expires, 0, true),
            SignedCommand.OutOfService("demo-1", "c-2", 4, Expires, 7, false),
            SignedCommand.ShowMessage("demo-1", "c-3", 5, Expires, "kp-1", "Door 3 is ready, take your parcel"),
            SignedCommand.ShowMessage("demo-1", "c-4", 6, Expires, "qr-1", new string('#', 256)),
            SignedCommand.Deny("demo-1", "c-5", 7, Expires, "kp-1", 30),
            SignedCommand.Deny("demo-1", "c-6", 8, Expires, "kp-1", 0),
            SignedCommand.SyncCodes("demo-1", "c-7", 9, Expires, 1, 1, 1, ""),
            SignedCommand.SyncCodes("demo-1", "c-8", 10, Expires, 999_999, 4, 4,
                "1042,3,p,1767312000,q83vEjRWeJCrze8SNFZ4kA==;1043,32,q,1767312000,AAECAwQFBgcICQoLDA0ODw=="),
            WithEntry(SignedCommand.Unlock("demo-1", "c-9", 11, Expires, 4), 3_000_017),
            WithEntry(SignedCommand.Deny("demo-1", "c-10", 12, Expires, "kp-1", 15), 999_999_999_999),
        };
        return commands.Select(command => Encoding.UTF8.GetString(Signer.SignToJson(command))).ToArray();
    }

    private static SignedCommand WithEntry(SignedCommand command, long entry)
    {
        command.Entry = entry;
        return command;
    }

    [Theory]
    [MemberData(nameof(Golden))]
    public void Golden_ReadDirectly_SameAsGeneralParser(string json)
    {
        AssertReadDirectly(json);
    }

    [Theory]
    [MemberData(nameof(Golden))]
    public void Golden_WhitespaceAroundEveryToken_ReadDirectly(string json)
    {
        AssertReadDirectly(Spaced(json, " \t\r\n"));
        AssertReadDirectly(" " + Spaced(json, "\n  ") + "\r\n");
    }

    [Theory]
    [InlineData("{\"sig\":\"" + Sig + "\",\"compartment\":3,\"action\":\"unlock\",\"expires\":5,\"counter\":9,\"id\":\"c-9\",\"locker\":\"demo-1\"}")]
    [InlineData("{" + Head + "\"action\":\"out_of_service\",\"compartment\":0,\"on\":false,\"reader\":\"\",\"retry_after_s\":0,\"text\":\"\",\"sig\":\"\"}")]
    [InlineData("{" + Head + "\"action\":\"show_message\",\"reader\":\"kp-1\",\"text\":\"\",\"sig\":\"not base64 at all\"}")]
    [InlineData("{" + Head + "\"action\":\"out_of_service\",\"on\":true,\"sig\":\"" + Sig + "\"}")]
    [InlineData("{" + Head + "\"action\":\"deny\",\"reader\":\"k\",\"retry_after_s\":2147483647,\"sig\":\"" + Sig + "\"}")]
    public void OrderAndExplicitDefaults_ReadDirectly(string json)
    {
        AssertReadDirectly(json);
    }

    /// <summary>Valid commands the reader leaves to the general parser (costs allocation, changes nothing).</summary>
    [Theory]
    [InlineData("{" + Head + "\"action\":\"unlock\",\"compartment\":3,\"sig\":\"" + Sig + "\",\"x\":1}")]
    [InlineData("{\"meta\":{\"a\":[1,2.5,null,true]}," + Head + "\"action\":\"unlock\",\"compartment\":3,\"sig\":\"\"}")]
    [InlineData("{\"locker\":\"demo-1\",\"id\":\"c\\u002d9\",\"counter\":9,\"expires\":1,\"action\":\"unlock\",\"compartment\":3,\"sig\":\"\"}")]
    [InlineData("{\"locker\":\"demo-1\",\"id\":\"c\\\"9\\\\\",\"counter\":9,\"expires\":1,\"action\":\"unlock\",\"compartment\":3,\"sig\":\"\"}")]
    [InlineData("{\"locker\":\"demo-1\",\"\\u0069d\":\"c-9\",\"counter\":9,\"expires\":1,\"action\":\"unlock\",\"compartment\":3,\"sig\":\"\"}")]
    [InlineData("{" + Head + "\"action\":\"show_message\",\"reader\":\"kp-1\",\"text\":\"Tür öffnen € \U0001F512\",\"sig\":\"\"}")]
    [InlineData("{" + Head + "\"action\":\"show_message\",\"reader\":\"kp-1\",\"text\":\"line\\nbreak\",\"sig\":\"\"}")]
    [InlineData("{" + Head + "\"action\":\"show_message\",\"reader\":\"kp-1\",\"text\":\"del \u007f\",\"sig\":\"\"}")]
    [InlineData("{" + Head + "\"action\":\"unlock\",\"compartment\":3,\"reader\":null,\"text\":null,\"on\":null,\"retry_after_s\":null,\"sig\":\"\"}")]
    [InlineData("{\"locker\":\"demo-1\",\"id\":\"c-9\",\"counter\":1234567890123456789,\"expires\":9223372036854775807,\"action\":\"unlock\",\"compartment\":3,\"sig\":\"\"}")]
    public void Unusual_LeftToGeneralParser_WhichAcceptsAsBefore(string json)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(json);

        Assert.Null(SignedCommandReader.TryRead(utf8));
        Assert.StartsWith("ok ", General(utf8));
        Assert.Equal(General(utf8), Parsed(utf8));
    }

    [Fact]
    public void InvalidUtf8InAnId_LeftToGeneralParser_WhichReadsItAsBefore()
    {
        byte[] utf8 = Encoding.ASCII.GetBytes(Unlock);
        utf8[Unlock.IndexOf("c-9", StringComparison.Ordinal) + 1] = 0xFF;

        Assert.Null(SignedCommandReader.TryRead(utf8));
        Assert.Equal(General(utf8), Parsed(utf8));
    }

    [Theory]
    // Not an object, or not one command.
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("\"x\"")]
    [InlineData("42")]
    [InlineData("\uFEFF" + Unlock)]
    [InlineData(Unlock + "x")]
    [InlineData(Unlock + "}")]
    [InlineData(Unlock + ",")]
    [InlineData(Unlock + Unlock)]
    [InlineData("{'locker':'demo-1'}")]
    // Syntax inside.
    [InlineData("{\"locker\" \"demo-1\"}")]
    [InlineData("{" + Head + "\"action\":\"unlock\" \"compartment\":3,\"sig\":\"\"}")]
    [InlineData("{" + Head + "\"action\":\"unlock\",\"compartment\":3,\"sig\":\"\",}")]
    [InlineData("{" + Head + ",\"action\":\"unlock\",\"sig\":\"\"}")]
    [InlineData("{" + Head + "\"action\":\"unlock\",\"compartment\":3,\"sig\":\"\"")]
    [InlineData("{" + Head + "\"action\":\"unlock\",\"compartment\":3,\"sig\":\"\" ")]
    [InlineData("{" + Head + "\"action\":\"unlock\",\"compartment\":3,\"sig\":\"}")]
    [InlineData("{" + Head + "\"action\":\"unlock\",\"compartment\":,\"sig\":\"\"}")]
    [InlineData("{" + Head + "\"action\":\"unlock\",\"compartment\":3,\"on\":tru,\"sig\":\"\"}")]
    [InlineData("{" + Head + "\"action\":\"unlock\",\"compartment\":3,\"on\":truex,\"sig\":\"\"}")]
    [InlineData("{" + Head + "\"action\":\"unlock\",\"compartment\":3,\"on\":False,\"sig\":\"\"}")]
    // Wrong types.
    [InlineData("{\"locker\":\"demo-1\",\"id\":\"c-9\",\"counter\":\"9\",\"expires\":1,\"action\":\"unlock\",\"compartment\":3,\"sig\":\"\"}")]
    [InlineData("{\"locker\":\"demo-1\",\"id\":\"c-9\",\"counter\":9.0,\"expires\":1,\"action\":\"unlock\",\"compartment\":3,\"sig\":\"\"}")]
    [InlineData("{\"locker\":\"demo-1\",\"id\":\"c-9\",\"counter\":9e0,\"expires\":1,\"action\":\"unlock\",\"compartment\":3,\"sig\":\"\"}")]
    [InlineData("{\"locker\":\"demo-1\",\"id\":\"c-9\",\"counter\":1E3,\"expires\":1,\"action\":\"unlock\",\"compartment\":3,\"sig\":\"\"}")]
    [InlineData("{\"locker\":\"demo-1\",\"id\":\"c-9\",\"counter\":true,\"expires\":1,\"action\":\"unlock\",\"compartment\":3,\"sig\":\"\"}")]
    [InlineData("{\"locker\":\"demo-1\",\"id\":9,\"counter\":9,\"expires\":1,\"action\":\"unlock\",\"compartment\":3,\"sig\":\"\"}")]
    [InlineData("{\"locker\":null,\"id\":\"c-9\",\"counter\":9,\"expires\":1,\"action\":\"unlock\",\"compartment\":3,\"sig\":\"\"}")]
    [InlineData("{" + Head + "\"action\":\"unlock\",\"compartment\":3,\"sig\":null}")]
    [InlineData("{" + Head + "\"action\":\"unlock\",\"compartment\":3,\"sig\":[]}")]
    [InlineData("{" + Head + "\"action\":1,\"compartment\":3,\"sig\":\"\"}")]
    [InlineData("{" + Head + "\"action\":\"unlock\",\"compartment\":\"3\",\"sig\":\"\"}")]
    [InlineData("{" + Head + "\"action\":\"unlock\",\"compartment\":1.5,\"sig\":\"\"}")]
    [InlineData("{" + Head + "\"action\":\"unlock\",\"compartment\":3,\"on\":\"true\",\"sig\":\"\"}")]
    [InlineData("{" + Head + "\"action\":\"unlock\",\"compartment\":3,\"on\":1,\"sig\":\"\"}")]
    [InlineData("{" + Head + "\"action\":\"unlock\",\"compartment\":3,\"reader\":{},\"sig\":\"\"}")]
    // Duplicates, also through an escape and among unknown fields.
    [InlineData("{" + Head + "\"id\":\"c-10\",\"action\":\"unlock\",\"compartment\":3,\"sig\":\"\"}")]
    [InlineData("{" + Head + "\"\\u0069d\":\"c-10\",\"action\":\"unlock\",\"compartment\":3,\"sig\":\"\"}")]
    [InlineData("{" + Head + "\"action\":\"unlock\",\"compartment\":3,\"compartment\":3,\"sig\":\"\"}")]
    [InlineData("{" + Head + "\"x\":1,\"x\":2,\"action\":\"unlock\",\"compartment\":3,\"sig\":\"\"}")]
    [InlineData("{" + Head + "\"action\":\"unlock\",\"compartment\":3,\"sig\":\"\",\"sig\":\"\"}")]
    // Numbers out of range or badly written.
    [InlineData("{\"locker\":\"demo-1\",\"id\":\"c-9\",\"counter\":99999999999999999999,\"expires\":1,\"action\":\"unlock\",\"compartment\":3,\"sig\":\"\"}")]
    [InlineData("{\"locker\":\"demo-1\",\"id\":\"c-9\",\"counter\":9223372036854775808,\"expires\":1,\"action\":\"unlock\",\"compartment\":3,\"sig\":\"\"}")]
    [InlineData("{\"locker\":\"demo-1\",\"id\":\"c-9\",\"counter\":-9223372036854775809,\"expires\":1,\"action\":\"unlock\",\"compartment\":3,\"sig\":\"\"}")]
    [InlineData("{\"locker\":\"demo-1\",\"id\":\"c-9\",\"counter\":9,\"expires\":1e400,\"action\":\"unlock\",\"compartment\":3,\"sig\":\"\"}")]
    [InlineData("{\"locker\":\"demo-1\",\"id\":\"c-9\",\"counter\":09,\"expires\":1,\"action\":\"unlock\",\"compartment\":3,\"sig\":\"\"}")]
    [InlineData("{\"locker\":\"demo-1\",\"id\":\"c-9\",\"counter\":-0,\"expires\":1,\"action\":\"unlock\",\"compartment\":3,\"sig\":\"\"}")]
    [InlineData("{\"locker\":\"demo-1\",\"id\":\"c-9\",\"counter\":-,\"expires\":1,\"action\":\"unlock\",\"compartment\":3,\"sig\":\"\"}")]
    [InlineData("{\"locker\":\"demo-1\",\"id\":\"c-9\",\"counter\":+9,\"expires\":1,\"action\":\"unlock\",\"compartment\":3,\"sig\":\"\"}")]
    [InlineData("{\"locker\":\"demo-1\",\"id\":\"c-9\",\"counter\":9,\"expires\":-1,\"action\":\"unlock\",\"compartment\":3,\"sig\":\"\"}")]
    [InlineData("{" + Head + "\"action\":\"unlock\",\"compartment\":2147483648,\"sig\":\"\"}")]
    [InlineData("{" + Head + "\"action\":\"unlock\",\"compartment\":-3,\"sig\":\"\"}")]
    [InlineData("{" + Head + "\"action\":\"deny\",\"reader\":\"k\",\"retry_after_s\":99999999999,\"sig\":\"\"}")]
    [InlineData("{" + Head + "\"action\":\"deny\",\"reader\":\"k\",\"retry_after_s\":-1,\"sig\":\"\"}")]
    // Strings: escapes, control characters, surrogates.
    [InlineData("{\"locker\":\"demo-1\",\"id\":\"c\\x9\",\"counter\":9,\"expires\":1,\"action\":\"unlock\",\"compartment\":3,\"sig\":\"\"}")]
    [InlineData("{\"locker\":\"demo-1\",\"id\":\"c\\u12\",\"counter\":9,\"expires\":1,\"action\":\"unlock\",\"compartment\":3,\"sig\":\"\"}")]
    [InlineData("{\"locker\":\"demo-1\",\"id\":\"c\\uD800\",\"counter\":9,\"expires\":1,\"action\":\"unlock\",\"compartment\":3,\"sig\":\"\"}")]
    [InlineData("{\"locker\":\"demo-1\",\"id\":\"c\\uDC00x\",\"counter\":9,\"expires\":1,\"action\":\"unlock\",\"compartment\":3,\"sig\":\"\"}")]
    [InlineData("{\"locker\":\"demo-1\",\"id\":\"c\\u000a\",\"counter\":9,\"expires\":1,\"action\":\"unlock\",\"compartment\":3,\"sig\":\"\"}")]
    [InlineData("{\"locker\":\"demo-1\",\"id\":\"c\t9\",\"counter\":9,\"expires\":1,\"action\":\"unlock\",\"compartment\":3,\"sig\":\"\"}")]
    [InlineData("{\"locker\":\"demo-1\",\"id\":\"c\u007f9\",\"counter\":9,\"expires\":1,\"action\":\"unlock\",\"compartment\":3,\"sig\":\"\"}")]
    [InlineData("{\"locker\":\"demo-1\",\"id\":\"c-9\\")]
    // Protocol rules.
    [InlineData("{\"locker\":\"bad/id\",\"id\":\"c-9\",\"counter\":9,\"expires\":1,\"action\":\"unlock\",\"compartment\":3,\"sig\":\"\"}")]
    [InlineData("{\"locker\":\"\",\"id\":\"c-9\",\"counter\":9,\"expires\":1,\"action\":\"unlock\",\"compartment\":3,\"sig\":\"\"}")]
    [InlineData("{\"locker\":\"demo-1\",\"id\":\"\",\"counter\":9,\"expires\":1,\"action\":\"unlock\",\"compartment\":3,\"sig\":\"\"}")]
    [InlineData("{\"locker\":\"demo-1\",\"id\":\"c-9\",\"counter\":0,\"expires\":1,\"action\":\"unlock\",\"compartment\":3,\"sig\":\"\"}")]
    [InlineData("{" + Head + "\"action\":\"explode\",\"compartment\":3,\"sig\":\"\"}")]
    [InlineData("{" + Head + "\"action\":\"Unlock\",\"compartment\":3,\"sig\":\"\"}")]
    [InlineData("{" + Head + "\"action\":\"unlock\",\"sig\":\"\"}")]
    [InlineData("{" + Head + "\"action\":\"deny\",\"sig\":\"\"}")]
    [InlineData("{" + Head + "\"action\":\"show_message\",\"reader\":\"\",\"text\":\"hi\",\"sig\":\"\"}")]
    // Missing required fields.
    [InlineData("{\"id\":\"c-9\",\"counter\":9,\"expires\":1,\"action\":\"unlock\",\"compartment\":3,\"sig\":\"\"}")]
    [InlineData("{\"locker\":\"demo-1\",\"counter\":9,\"expires\":1,\"action\":\"unlock\",\"compartment\":3,\"sig\":\"\"}")]
    [InlineData("{\"locker\":\"demo-1\",\"id\":\"c-9\",\"expires\":1,\"action\":\"unlock\",\"compartment\":3,\"sig\":\"\"}")]
    [InlineData("{\"locker\":\"demo-1\",\"id\":\"c-9\",\"counter\":9,\"action\":\"unlock\",\"compartment\":3,\"sig\":\"\"}")]
    [InlineData("{" + Head + "\"compartment\":3,\"sig\":\"\"}")]
    [InlineData("{" + Head + "\"action\":\"unlock\",\"compartment\":3}")]
    public void Malformed_RefusedWithTheGeneralParsersMessage(string json)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(json);

        Assert.Null(SignedCommandReader.TryRead(utf8));
        Assert.StartsWith("refused ", General(utf8));
        Assert.Equal(General(utf8), Parsed(utf8));
    }

    [Theory]
    [InlineData(65, 1, 1)]
    [InlineData(1, 65, 1)]
    [InlineData(1, 1, 257)]
    public void Malformed_TooLong_RefusedWithTheGeneralParsersMessage(int idLength, int readerLength, int textLength)
    {
        string json = "{\"locker\":\"demo-1\",\"id\":\"" + new string('i', idLength) + "\",\"counter\":9,\"expires\":1,"
            + "\"action\":\"show_message\",\"reader\":\"" + new string('r', readerLength) + "\",\"text\":\"" + new string('t', textLength) + "\",\"sig\":\"\"}";
        byte[] utf8 = Encoding.UTF8.GetBytes(json);

        Assert.Null(SignedCommandReader.TryRead(utf8));
        Assert.StartsWith("refused ", General(utf8));
        Assert.Equal(General(utf8), Parsed(utf8));
    }

    [Fact]
    public void Malformed_NullOrDeeplyNested_RefusedWithTheGeneralParsersMessage()
    {
        Assert.Null(SignedCommandReader.TryRead(null!));
        Assert.Equal(General(null!), Parsed(null!));
        byte[] deep = Encoding.UTF8.GetBytes("{\"x\":" + new string('[', 40) + new string(']', 40) + "," + Head + "\"action\":\"unlock\",\"compartment\":3,\"sig\":\"\"}");
        Assert.Equal(General(deep), Parsed(deep));
        Assert.StartsWith("refused ", Parsed(deep));
    }

    [Theory]
    [MemberData(nameof(Golden))]
    public void Truncated_EveryPrefix_RefusedWithTheGeneralParsersMessage(string json)
    {
        byte[] whole = Encoding.UTF8.GetBytes(json);
        for (int length = 0; length < whole.Length; length++)
        {
            byte[] prefix = whole.AsSpan(0, length).ToArray();

            Assert.Null(SignedCommandReader.TryRead(prefix));
            Assert.Equal(General(prefix), Parsed(prefix));
        }
    }

    /// <summary>
    /// Random damage to signed commands (a byte replaced, dropped, inserted, a piece repeated; up to three at
    /// once), with a fixed seed: Parse must agree with the general parser on every one, accepted or refused.
    /// </summary>
    [Fact]
    public void Mutated_ThousandsOfVariants_ParseAgreesWithTheGeneralParser()
    {
        byte[] alphabet = Encoding.ASCII.GetBytes("{}[]\":, \t\r\n\\/-+.eE0123456789tfnulrsaxAZ_~'");
        byte[] odd = { 0x00, 0x1F, 0x7F, 0x80, 0xC3, 0xE2, 0xED, 0xEF, 0xFF };
        var random = new Random(20261204);
        var seeds = GoldenJson().Select(Encoding.UTF8.GetBytes).ToArray();
        int readDirectly = 0;
        for (int round = 0; round < 30_000; round++)
        {
            var bytes = new List<byte>(seeds[round % seeds.Length]);
            int mutations = 1 + random.Next(3);
            for (int m = 0; m < mutations && bytes.Count > 0; m++)
            {
                int at = random.Next(bytes.Count);
                byte b = random.Next(8) == 0 ? odd[random.Next(odd.Length)] : alphabet[random.Next(alphabet.Length)];
                switch (random.Next(4))
                {
                    case 0: bytes[at] = b; break;
                    case 1: bytes.RemoveAt(at); break;
                    case 2: bytes.Insert(at, b); break;
                    default:
                        int length = Math.Min(1 + random.Next(12), bytes.Count - at);
                        bytes.InsertRange(at, bytes.GetRange(at, length));
                        break;
                }
            }

            byte[] input = bytes.ToArray();
            string general = General(input);
            Assert.True(general == Parsed(input), "input: " + Encoding.Latin1.GetString(input));
            if (SignedCommandReader.TryRead(input) != null) readDirectly++;
        }

        // The damage leaves some commands valid (a digit changed, say), and those are read directly.
        Assert.InRange(readDirectly, 100, 30_000);
    }

    [Theory]
    [InlineData("\"id\":\"c-42\"", "\"id\":\"c-43\"")]
    [InlineData("\"counter\":42", "\"counter\":43")]
    [InlineData("\"expires\":1767225660", "\"expires\":1767225661")]
    [InlineData("\"action\":\"unlock\"", "\"action\":\"out_of_service\"")]
    [InlineData("\"compartment\":3", "\"compartment\":4")]
    [InlineData("\"compartment\":3", "\"compartment\":3,\"on\":true")]
    [InlineData("\"compartment\":3", "\"compartment\":3,\"reader\":\"kp-1\"")]
    [InlineData("\"compartment\":3", "\"compartment\":3,\"retry_after_s\":5")]
    [InlineData("\"compartment\":3", "\"compartment\":3,\"text\":\"x\"")]
    [InlineData("\"entry\":7000001", "\"entry\":7000002")]
    [InlineData("\"entry\":7000001", "\"entry\":0")]
    [InlineData("\"sig\":\"F", "\"sig\":\"G")]
    public void Verify_EveryTamperedField_ReadDirectlyAndBadSignature(string field, string tampered)
    {
        var clock = new FakeClock(CommandTestData.Now);
        var verifier = new CommandVerifier(CommandTestData.LockerId, CommandTestData.Key(), clock, new FakeStorage());
        Assert.Contains(field, CommandSignerTests.ExampleJson);
        byte[] utf8 = Encoding.UTF8.GetBytes(CommandSignerTests.ExampleJson.Replace(field, tampered));

        Assert.NotNull(SignedCommandReader.TryRead(utf8));
        Assert.Equal(RefusalReasons.BadSignature, verifier.Verify(utf8).Reason);
        Assert.True(verifier.Verify(Encoding.UTF8.GetBytes(CommandSignerTests.ExampleJson)).Accepted);
    }

    private static void AssertReadDirectly(string json)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(json);
        SignedCommand? direct = SignedCommandReader.TryRead(utf8);

        Assert.NotNull(direct);
        Assert.StartsWith("ok ", General(utf8));
        Assert.Equal(General(utf8), "ok " + Describe(direct!));
        Assert.Equal(General(utf8), Parsed(utf8));
    }

    // What Parse was before the direct reader, and is still for everything the reader declines.
    private static string General(byte[] utf8)
    {
        try
        {
            return "ok " + Describe(SignedCommandCodec.Read(JsonParser.ParseObjectUtf8(utf8)));
        }
        catch (JsonException error)
        {
            return "refused " + error.Message;
        }
    }

    private static string Parsed(byte[] utf8)
    {
        try
        {
            return "ok " + Describe(SignedCommand.Parse(utf8));
        }
        catch (JsonException error)
        {
            return "refused " + error.Message;
        }
    }

    // Every property, found by reflection so that one added later is compared too.
    private static string Describe(SignedCommand c) =>
        string.Join("|", typeof(SignedCommand).GetProperties().Select(property => property.Name + "=" + property.GetValue(c)));

    // JSON whitespace around every structural character outside strings.
    private static string Spaced(string json, string space)
    {
        var spaced = new StringBuilder();
        bool inString = false;
        for (int i = 0; i < json.Length; i++)
        {
            char c = json[i];
            if (inString)
            {
                spaced.Append(c);
                if (c == '\\') spaced.Append(json[++i]);
                else if (c == '"') inString = false;
                continue;
            }

            if (c == '"')
            {
                inString = true;
                spaced.Append(space).Append(c);
                continue;
            }

            spaced.Append(c == '{' || c == '}' || c == ':' || c == ',' ? space + c + space : c.ToString());
        }

        return spaced.ToString();
    }
}
