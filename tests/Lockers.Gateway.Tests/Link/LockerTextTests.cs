using System.Text;
using Lockers.Core.Protocol;
using Lockers.Gateway.Link;

namespace Lockers.Gateway.Tests.Link;

/// <summary>
/// Text from lockers (ADR 0109). Issue 13, finding 10: before, invalid UTF-8 and control characters reached the audit log as
/// they were (the parser turned bad bytes into U+FFFD and kept control characters given as JSON escapes).
/// </summary>
public sealed class LockerTextTests
{
    private const int Limit = 4096;

    private static LockerMessageParseResult Parse(byte[] payload, string channel = Channels.Event) =>
        LockerMessageParser.Parse($"lockers/v1/test-a/{channel}", payload, Limit);

    private static LockerMessageParseResult Parse(string json, string channel = Channels.Event) => Parse(Encoding.UTF8.GetBytes(json), channel);

    [Fact]
    public void Finding10_InvalidUtf8_IsDroppedAsInvalidText_NamingTheLocker()
    {
        var payload = Encoding.UTF8.GetBytes("{\"seq\":1,\"kind\":\"tamper\",\"uptime_ms\":5,\"detail\":\"case \"}").ToList();
        payload.InsertRange(payload.Count - 2, new byte[] { 0xC3, 0x28, 0xFF }); // a broken sequence and a byte UTF-8 never has

        var result = Parse(payload.ToArray());

        Assert.Null(result.Message);
        Assert.Equal((LinkDropReason.InvalidText, "test-a"), (result.Reason, result.LockerId));
    }

    [Theory]
    [InlineData("case \\u0007opened")]      // BEL
    [InlineData("line\\nbreak")]            // a forged second log line
    [InlineData("abc\\u202Edcba")]          // right-to-left override: reads differently than it is
    [InlineData("zero\\u200Bwidth")]        // invisible
    [InlineData("\\uE000private")]          // private use
    [InlineData("\\u0085next line")]        // C1 control
    public void Finding10_ControlAndFormatCharactersInText_AreInvalidText(string detail)
    {
        var result = Parse($"{{\"seq\":1,\"kind\":\"tamper\",\"uptime_ms\":5,\"detail\":\"{detail}\"}}");

        Assert.Equal(LinkDropReason.InvalidText, result.Reason);
        Assert.Contains("field 'detail'", result.Detail);
    }

    [Fact]
    public void PrintableUnicodeText_IsAccepted()
    {
        var result = Parse("{\"seq\":1,\"kind\":\"tamper\",\"uptime_ms\":5,\"detail\":\"扉が開いた 🔓 Tür geöffnet\"}");

        Assert.NotNull(result.Message);
    }

    [Theory]
    [InlineData("kp 1")]        // space
    [InlineData("kp<1>")]       // markup
    [InlineData("kp\\u00001")]  // NUL
    public void ReaderThatIsNotAnId_IsInvalidText(string reader)
    {
        var result = Parse($"{{\"seq\":1,\"kind\":\"code_entered\",\"uptime_ms\":5,\"source\":\"keypad\",\"reader\":\"{reader}\",\"code\":\"123456\"}}");

        Assert.Equal(LinkDropReason.InvalidText, result.Reason);
        Assert.Contains("field 'reader'", result.Detail);
    }

    [Fact]
    public void CodeLongerThanAScannerLine_IsInvalidText_AndTheCodeIsNotEchoed()
    {
        var code = new string('7', LockerText.MaxCodeLength + 1);

        var result = Parse($"{{\"seq\":1,\"kind\":\"code_entered\",\"uptime_ms\":5,\"source\":\"qr\",\"reader\":\"a-qr\",\"code\":\"{code}\"}}");

        Assert.Equal(LinkDropReason.InvalidText, result.Reason);
        Assert.DoesNotContain("7777", result.Detail);
    }

    [Theory]
    [InlineData("{\"state\":\"online\",\"fw\":\"1.0\\u001b[31m\",\"boot\":1}", Channels.Status)]
    [InlineData("{\"uptime_ms\":1,\"free_mem\":1,\"fw\":\"\\u0000\",\"journal\":0,\"dropped\":0}", Channels.Telemetry)]
    [InlineData("{\"id\":\"c-1\",\"result\":\"failed\",\"reason\":\"jam\\r\\nmed\"}", "cmd/result")]
    public void EveryChannelsText_IsChecked(string json, string channel)
    {
        Assert.Equal(LinkDropReason.InvalidText, Parse(json, channel).Reason);
    }
}
