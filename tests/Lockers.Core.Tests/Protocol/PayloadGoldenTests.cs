using System.Text;
using Lockers.Core.Json;
using Lockers.Core.Protocol;
using Lockers.Core.Tests.Fakes;

namespace Lockers.Core.Tests.Protocol;

/// <summary>The exact bytes of every payload, both ways. docs/protocol.md shows the same examples.</summary>
public class PayloadGoldenTests
{
    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);

    [Fact]
    public void Status_OnlineAndOffline_AreGolden()
    {
        Assert.Equal("{\"state\":\"online\",\"fw\":\"0.1.0\",\"boot\":7}", Text(StatusPayload.Online("0.1.0", 7).ToJson()));
        Assert.Equal("{\"state\":\"offline\"}", Text(StatusPayload.Offline().ToJson()));

        var online = StatusPayload.Parse(Utf8("{\"boot\":7,\"state\":\"online\",\"fw\":\"0.1.0\",\"extra\":1}"));
        Assert.Equal(StatusStates.Online, online.State);
        Assert.Equal("0.1.0", online.Firmware);
        Assert.Equal(7, online.BootCount);
        Assert.Equal(StatusStates.Offline, StatusPayload.Parse(Utf8("{\"state\":\"offline\"}")).State);
    }

    [Theory]
    [InlineData("{\"state\":\"sleeping\"}", "'state'")]
    [InlineData("{\"state\":\"online\",\"boot\":1}", "'fw'")]
    [InlineData("{}", "'state'")]
    public void Status_Invalid_NamesTheField(string json, string field)
    {
        var error = Assert.Throws<JsonException>(() => StatusPayload.Parse(Utf8(json)));
        Assert.Contains(field, error.Message);
    }

    public static TheoryData<string, LockerEvent> GoldenEvents() => new()
    {
        { "{\"seq\":1,\"kind\":\"code_entered\",\"uptime_ms\":5000,\"unix_ms\":1767225600000,\"source\":\"keypad\",\"reader\":\"k1\",\"code\":\"123456\"}",
            Stamped(LockerEvent.CodeEntered(CodeSources.Keypad, "k1", "123456"), 1, 5000, 1767225600000) },
        { "{\"seq\":2,\"kind\":\"door\",\"uptime_ms\":6000,\"compartment\":3,\"state\":\"opened\"}",
            Stamped(LockerEvent.Door(3, DoorStates.Opened), 2, 6000, LockerEvent.NoWallTime) },
        { "{\"seq\":3,\"kind\":\"command_refused\",\"uptime_ms\":7000,\"command\":\"c-9\",\"reason\":\"replay\"}",
            Stamped(LockerEvent.CommandRefused("c-9", RefusalReasons.Replay), 3, 7000, LockerEvent.NoWallTime) },
        { "{\"seq\":4,\"kind\":\"boot\",\"uptime_ms\":12,\"fw\":\"0.1.0\",\"boot\":8,\"open\":[3,7]}",
            Stamped(LockerEvent.Boot("0.1.0", 8, [3, 7]), 4, 12, LockerEvent.NoWallTime) },
        { "{\"seq\":7,\"kind\":\"boot\",\"uptime_ms\":12,\"fw\":\"0.1.0\",\"boot\":9,\"open\":[]}",
            Stamped(LockerEvent.Boot("0.1.0", 9, []), 7, 12, LockerEvent.NoWallTime) },
        { "{\"seq\":5,\"kind\":\"tamper\",\"uptime_ms\":9000,\"detail\":\"case opened\"}",
            Stamped(LockerEvent.Tamper("case opened"), 5, 9000, LockerEvent.NoWallTime) },
        { "{\"seq\":6,\"kind\":\"journal_overflow\",\"uptime_ms\":9500,\"dropped\":12}",
            Stamped(LockerEvent.JournalOverflow(12), 6, 9500, LockerEvent.NoWallTime) },
    };

    [Theory]
    [MemberData(nameof(GoldenEvents))]
    public void Event_EveryKind_WritesGoldenAndParsesBack(string golden, LockerEvent e)
    {
        Assert.Equal(golden, Text(e.ToJson()));

        var parsed = LockerEvent.Parse(Utf8(golden));
        Assert.Equal(golden, Text(parsed.ToJson()));
        Assert.Equal(e.Seq, parsed.Seq);
        Assert.Equal(e.Kind, parsed.Kind);
        Assert.Equal(e.UnixMs, parsed.UnixMs);
    }

    [Fact]
    public void Boot_FromFirmwareBeforeTheOpenField_ParsesWithOpenDoorsUnknown()
    {
        var parsed = LockerEvent.Parse(Utf8("{\"seq\":4,\"kind\":\"boot\",\"uptime_ms\":12,\"fw\":\"0.1.0\",\"boot\":8}"));

        Assert.Null(parsed.OpenDoors);
    }

    [Theory]
    [InlineData("[0]")]
    [InlineData("[\"3\"]")]
    [InlineData("3")]
    public void Boot_OpenDoorsNotCompartmentNumbers_IsRefusedNamingTheField(string open)
    {
        var error = Assert.Throws<JsonException>(() =>
            LockerEvent.Parse(Utf8("{\"seq\":4,\"kind\":\"boot\",\"uptime_ms\":12,\"fw\":\"0.1.0\",\"boot\":8,\"open\":" + open + "}")));

        Assert.Contains("open", error.Message);
    }

    [Fact]
    public void Event_Stamp_UsesClockAndWallTimeWhenKnown()
    {
        var clock = new FakeClock(uptimeMs: 42);
        var e = LockerEvent.Door(1, DoorStates.Closed);

        e.Stamp(9, clock);
        Assert.Equal(9, e.Seq);
        Assert.Equal(42, e.UptimeMs);
        Assert.Equal(LockerEvent.NoWallTime, e.UnixMs);

        clock.SetWallTime(new DateTime(2026, 1, 1, 0, 0, 1, DateTimeKind.Utc));
        e.Stamp(10, clock);
        Assert.Equal(1767225601000, e.UnixMs);
    }

    [Fact]
    public void Event_UnknownKindAndFields_AreKeptAndIgnored()
    {
        var e = LockerEvent.Parse(Utf8("{\"seq\":8,\"kind\":\"future_thing\",\"uptime_ms\":1,\"new_field\":[1]}"));

        Assert.Equal("future_thing", e.Kind);
        Assert.Equal("{\"seq\":8,\"kind\":\"future_thing\",\"uptime_ms\":1}", Text(e.ToJson()));
    }

    [Theory]
    [InlineData("{\"kind\":\"door\",\"uptime_ms\":1,\"compartment\":1,\"state\":\"opened\"}", "missing field 'seq'")]
    [InlineData("{\"seq\":0,\"kind\":\"tamper\",\"uptime_ms\":1}", "field 'seq'")]
    [InlineData("{\"seq\":1,\"kind\":\"\",\"uptime_ms\":1}", "field 'kind'")]
    [InlineData("{\"seq\":1,\"kind\":\"tamper\",\"uptime_ms\":-1}", "field 'uptime_ms'")]
    [InlineData("{\"seq\":1,\"kind\":\"tamper\",\"uptime_ms\":1,\"unix_ms\":\"now\"}", "field 'unix_ms'")]
    [InlineData("{\"seq\":1,\"kind\":\"door\",\"uptime_ms\":1,\"compartment\":0,\"state\":\"opened\"}", "field 'compartment'")]
    [InlineData("{\"seq\":1,\"kind\":\"door\",\"uptime_ms\":1,\"compartment\":2,\"state\":\"ajar\"}", "field 'state'")]
    [InlineData("{\"seq\":1,\"kind\":\"code_entered\",\"uptime_ms\":1,\"source\":\"nfc\",\"reader\":\"k1\",\"code\":\"1\"}", "field 'source'")]
    [InlineData("{\"seq\":1,\"kind\":\"code_entered\",\"uptime_ms\":1,\"source\":\"qr\",\"reader\":\"q1\",\"code\":\"\"}", "field 'code'")]
    [InlineData("{\"seq\":1,\"kind\":\"code_entered\",\"uptime_ms\":1,\"source\":\"qr\",\"code\":\"x\"}", "missing field 'reader'")]
    [InlineData("{\"seq\":1,\"kind\":\"command_refused\",\"uptime_ms\":1,\"command\":\"c\"}", "missing field 'reason'")]
    [InlineData("{\"seq\":1,\"kind\":\"boot\",\"uptime_ms\":1,\"fw\":\"0.1.0\"}", "missing field 'boot'")]
    [InlineData("{\"seq\":1,\"kind\":\"journal_overflow\",\"uptime_ms\":1,\"dropped\":-3}", "field 'dropped'")]
    [InlineData("[1]", "expected an object")]
    public void Event_Invalid_NamesTheProblem(string json, string message)
    {
        var error = Assert.Throws<JsonException>(() => LockerEvent.Parse(Utf8(json)));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Telemetry_AllFigures_IsGolden()
    {
        var telemetry = new TelemetryPayload
        {
            UptimeMs = 3600000, FreeMemoryBytes = 81234, SignalDbm = -67, SupplyMv = 12040,
            TemperatureC = 21.5, Firmware = "0.1.0", JournalDepth = 2, DroppedEvents = 0,
        };
        const string golden = "{\"uptime_ms\":3600000,\"free_mem\":81234,\"rssi_dbm\":-67,\"supply_mv\":12040,\"temp_c\":21.5,\"fw\":\"0.1.0\",\"journal\":2,\"dropped\":0}";

        Assert.Equal(golden, Text(telemetry.ToJson()));
        var parsed = TelemetryPayload.Parse(Utf8(golden));
        Assert.Equal(golden, Text(parsed.ToJson()));
        Assert.Equal(-67, parsed.SignalDbm);
        Assert.Equal(21.5, parsed.TemperatureC);
    }

    [Fact]
    public void Telemetry_UnknownFigures_AreOmittedAndReadBackAsUnknown()
    {
        var telemetry = new TelemetryPayload { UptimeMs = 1, FreeMemoryBytes = 2, Firmware = "f", JournalDepth = 0, DroppedEvents = 5 };
        const string golden = "{\"uptime_ms\":1,\"free_mem\":2,\"fw\":\"f\",\"journal\":0,\"dropped\":5}";

        Assert.Equal(golden, Text(telemetry.ToJson()));
        var parsed = TelemetryPayload.Parse(Utf8(golden));
        Assert.Equal(TelemetryPayload.Unknown, parsed.SignalDbm);
        Assert.Equal(TelemetryPayload.Unknown, parsed.SupplyMv);
        Assert.True(double.IsNaN(parsed.TemperatureC));
    }

    [Fact]
    public void Telemetry_MissingFirmware_NamesField()
    {
        var error = Assert.Throws<JsonException>(() => TelemetryPayload.Parse(Utf8("{\"uptime_ms\":1,\"free_mem\":2,\"journal\":0,\"dropped\":0}")));
        Assert.Equal("missing field 'fw'", error.Message);
    }

    [Fact]
    public void CommandResult_EachOutcome_IsGolden()
    {
        Assert.Equal("{\"id\":\"c-42\",\"result\":\"ok\"}", Text(CommandResultPayload.Ok("c-42").ToJson()));
        Assert.Equal("{\"id\":\"c-43\",\"result\":\"refused\",\"reason\":\"expired\"}",
            Text(CommandResultPayload.Refused("c-43", RefusalReasons.Expired).ToJson()));
        Assert.Equal("{\"id\":\"c-44\",\"result\":\"failed\",\"reason\":\"jammed\"}",
            Text(CommandResultPayload.Failed("c-44", CommandResults.Jammed).ToJson()));

        var parsed = CommandResultPayload.Parse(Utf8("{\"id\":\"c-44\",\"result\":\"failed\",\"reason\":\"jammed\"}"));
        Assert.Equal("c-44", parsed.CommandId);
        Assert.Equal(CommandResults.Failed, parsed.Result);
        Assert.Equal(CommandResults.Jammed, parsed.Reason);
    }

    [Theory]
    [InlineData("{\"id\":\"c\",\"result\":\"maybe\"}", "field 'result'")]
    [InlineData("{\"id\":\"c\",\"result\":\"failed\"}", "field 'reason'")]
    [InlineData("{\"result\":\"ok\"}", "missing field 'id'")]
    public void CommandResult_Invalid_NamesField(string json, string message)
    {
        var error = Assert.Throws<JsonException>(() => CommandResultPayload.Parse(Utf8(json)));
        Assert.Contains(message, error.Message);
    }

    private static LockerEvent Stamped(LockerEvent e, long seq, long uptimeMs, long unixMs)
    {
        e.Seq = seq;
        e.UptimeMs = uptimeMs;
        e.UnixMs = unixMs;
        return e;
    }
}
