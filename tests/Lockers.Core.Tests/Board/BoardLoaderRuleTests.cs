using System.Text.Json.Nodes;
using Lockers.Core.Board;

namespace Lockers.Core.Tests.Board;

/// <summary>One case per rule in docs/board-file.md: the full sample board with one thing broken.</summary>
public class BoardLoaderRuleTests
{
    public static TheoryData<string, Action<JsonObject>, string> Rules => new()
    {
        // required fields and ranges
        { "format missing", r => r.Remove("format"), "format: required" },
        { "format 2", r => r["format"] = 2, "format: must be 1" },
        { "board missing", r => r.Remove("board"), "board: required" },
        { "board name with capitals", r => r["board"] = "Ref_32", "board: must be lowercase letters, digits and '-'" },
        { "mcu missing", r => r.Remove("mcu"), "mcu: required" },
        { "solenoid missing", r => r.Remove("solenoid"), "solenoid: required" },
        { "ratedPulseMs 0", r => r["solenoid"]!["ratedPulseMs"] = 0, "solenoid.ratedPulseMs: must be 1..2000" },
        { "ratedPulseMs 2001", r => r["solenoid"]!["ratedPulseMs"] = 2001, "solenoid.ratedPulseMs: must be 1..2000" },
        { "ratedPulseMs text", r => r["solenoid"]!["ratedPulseMs"] = "500", "solenoid.ratedPulseMs: must be an integer" },
        { "ratedPulseMs fraction", r => r["solenoid"]!["ratedPulseMs"] = 500.5, "solenoid.ratedPulseMs: must be an integer" },
        { "minGapMs 10001", r => r["solenoid"]!["minGapMs"] = 10001, "solenoid.minGapMs: must be 0..10000" },
        { "door missing", r => r.Remove("door"), "door: required" },
        { "door not an object", r => r["door"] = 5, "door: must be an object" },
        { "openConfirmMs 99", r => r["door"]!["openConfirmMs"] = 99, "door.openConfirmMs: must be 100..60000" },
        { "leftOpenS 0", r => r["door"]!["leftOpenS"] = 0, "door.leftOpenS: must be 1..86400" },
        { "debounceMs missing", r => r["door"]!.AsObject().Remove("debounceMs"), "door.debounceMs: required" },
        { "debounceMs 1001", r => r["door"]!["debounceMs"] = 1001, "door.debounceMs: must be 0..1000" },
        { "misspelt field", r => r["solenoid"]!["ratedPulsMs"] = 1, "solenoid.ratedPulsMs: unknown field" },
        { "unknown top-level field", r => r["wifi"] = "x", "wifi: unknown field" },

        // i2c and expanders
        { "i2c bus 3", r => r["i2c"]!["bus"] = 3, "i2c.bus: must be 1..2" },
        { "i2c speed", r => r["i2c"]!["speedHz"] = 200000, "i2c.speedHz: must be 100000 or 400000" },
        { "expanders without i2c", r => r.Remove("i2c"), "i2c: required when there are expanders" },
        { "expander id twice", r => r["expanders"]!.AsArray().Add(new JsonObject { ["id"] = "U2", ["chip"] = "MCP23017", ["address"] = 36 }), "expanders[2].id: 'U2' is already used by expanders[0]" },
        { "expander address twice", r => r["expanders"]![1]!["address"] = 32, "expanders[1].address: 32 is already used by expanders[0]" },
        { "expander address 40", r => r["expanders"]![0]!["address"] = 40, "expanders[0].address: must be 32..39" },
        { "expander chip", r => r["expanders"]![0]!["chip"] = "PCF8574", "expanders[0].chip: must be MCP23017" },
        { "expander not an object", r => r["expanders"]!.AsArray().Add(7), "expanders[2]: must be an object" },

        // keypad and scanner
        { "keypad keys short", r => r["keypad"]!["keys"] = "123456789*0", "keypad.keys: must have 12 keys (outputs x inputs), has 11" },
        { "keypad no outputs", r => r["keypad"]!["outputs"] = new JsonArray(), "keypad.outputs: must have 1..8 items" },
        { "keypad pin not a number", r => r["keypad"]!["inputs"]![0] = "25", "keypad.inputs[0]: must be an integer" },
        { "scanner COM1", r => r["scanner"]!["uart"] = "COM1", "scanner.uart: must be COM2 or COM3 (COM1 is the debug port)" },
        { "scanner COM7", r => r["scanner"]!["uart"] = "COM7", "scanner.uart: must be COM2 or COM3" },
        { "scanner baud", r => r["scanner"]!["baud"] = 4800, "scanner.baud: must be 9600, 19200, 38400, 57600 or 115200" },

        // compartments
        { "compartments missing", r => r.Remove("compartments"), "compartments: required" },
        { "no compartments", r => r["compartments"] = new JsonArray(), "compartments: must have 1..32 items" },
        { "number 0", r => r.Compartment(0)["number"] = 0, "compartments[0].number: must be 1..255" },
        { "number 256", r => r.Compartment(0)["number"] = 256, "compartments[0].number: must be 1..255" },
        { "number twice", r => r.Compartment(1)["number"] = 1, "compartments[1].number: 1 is already used by compartments[0]" },
        { "size XXL", r => r.Compartment(0)["size"] = "XXL", "compartments[0].size: must be S, M, L or XL" },
        { "column 64", r => r.Compartment(0)["column"] = 64, "compartments[0].column: must be 0..63" },
        { "row missing", r => r.Compartment(0).Remove("row"), "compartments[0].row: required" },
        { "accessible text", r => r.Compartment(0)["accessible"] = "yes", "compartments[0].accessible: must be true or false" },
        { "lock missing", r => r.Compartment(0).Remove("lock"), "compartments[0].lock: required" },
        { "sensor missing", r => r.Compartment(1).Remove("sensor"), "compartments[1].sensor: required" },
        { "lock gpio and expander", r => r.Compartment(1)["lock"]!["expander"] = "U2", "compartments[1].lock: use either gpio or expander/port/bit, not both" },
        { "lock empty", r => r.Compartment(1)["lock"] = new JsonObject(), "compartments[1].lock: needs gpio, or expander, port and bit" },
        { "lock bit 8", r => r.Compartment(0)["lock"]!["bit"] = 8, "compartments[0].lock.bit: must be 0..7" },
        { "lock port C", r => r.Compartment(0)["lock"]!["port"] = "C", "compartments[0].lock.port: must be A or B" },
        { "lock expander missing", r => r.Compartment(0)["lock"]!.AsObject().Remove("expander"), "compartments[0].lock.expander: required" },
        { "unknown expander", r => r.Compartment(0)["lock"]!["expander"] = "U9", "compartments[0].lock.expander: no expander 'U9' on this board" },
        { "openLevel missing", r => r.Compartment(1)["sensor"]!.AsObject().Remove("openLevel"), "compartments[1].sensor.openLevel: required" },
        { "openLevel wrong", r => r.Compartment(1)["sensor"]!["openLevel"] = "up", "compartments[1].sensor.openLevel: must be high or low" },
        { "openLevel on a lock", r => r.Compartment(1)["lock"]!["openLevel"] = "high", "compartments[1].lock.openLevel: unknown field" },

        // no line twice
        { "gpio twice in compartments", r => r.Compartment(1)["sensor"]!["gpio"] = 19, "compartments[1].sensor.gpio: GPIO19 is already used by compartments[1].lock.gpio" },
        { "expander bit twice", r => r.Compartment(1)["lock"] = new JsonObject { ["expander"] = "U4", ["port"] = "A", ["bit"] = 0 }, "compartments[1].lock: U4.A0 is already used by compartments[0].sensor" },
        { "gpio shared with keypad", r => r.Compartment(1)["lock"]!["gpio"] = 13, "compartments[1].lock.gpio: GPIO13 is already used by keypad.outputs[0]" },
        { "gpio shared with i2c", r => r["statusLed"] = 21, "statusLed: GPIO21 is already used by i2c.sda" },
        { "gpio shared with scanner", r => r["buzzer"] = 17, "buzzer: GPIO17 is already used by scanner.tx" },

        // ESP32 pin rules
        { "gpio 20 does not exist", r => r.Compartment(1)["lock"]!["gpio"] = 20, "compartments[1].lock.gpio: GPIO 20 does not exist on the ESP32" },
        { "gpio 40", r => r.Compartment(1)["lock"]!["gpio"] = 40, "compartments[1].lock.gpio: must be 0..39" },
        { "flash pin on lock", r => r.Compartment(1)["lock"]!["gpio"] = 6, "compartments[1].lock.gpio: GPIO 6 is wired to the flash chip (6-11), never use it" },
        { "flash pin on keypad", r => r["keypad"]!["inputs"]![2] = 11, "keypad.inputs[2]: GPIO 11 is wired to the flash chip (6-11), never use it" },
        { "input-only lock", r => r.Compartment(1)["lock"]!["gpio"] = 35, "compartments[1].lock.gpio: GPIO 35 is input-only (34-39), it cannot drive an output" },
        { "input-only keypad output", r => r["keypad"]!["outputs"]![0] = 36, "keypad.outputs[0]: GPIO 36 is input-only (34-39), it cannot drive an output" },
        { "input-only LED", r => r["statusLed"] = 38, "statusLed: GPIO 38 is input-only (34-39), it cannot drive an output" },
        { "input-only buzzer", r => r["buzzer"] = 37, "buzzer: GPIO 37 is input-only (34-39), it cannot drive an output" },
        { "input-only scanner tx", r => r["scanner"]!["tx"] = 35, "scanner.tx: GPIO 35 is input-only (34-39), it cannot drive an output" },
        { "strapping sensor", r => r.Compartment(1)["sensor"]!["gpio"] = 12, "compartments[1].sensor.gpio: GPIO 12 is a strapping pin (0, 2, 5, 12, 15): " + OnlyLedAndKeypadOutputs },
        { "strapping keypad input", r => r["keypad"]!["inputs"]![0] = 0, "keypad.inputs[0]: GPIO 0 is a strapping pin (0, 2, 5, 12, 15): " + OnlyLedAndKeypadOutputs },
        { "strapping tamper", r => r["tamper"] = 15, "tamper: GPIO 15 is a strapping pin (0, 2, 5, 12, 15): " + OnlyLedAndKeypadOutputs },
        { "strapping scanner rx", r => r["scanner"]!["rx"] = 2, "scanner.rx: GPIO 2 is a strapping pin (0, 2, 5, 12, 15): " + OnlyLedAndKeypadOutputs },
        { "strapping scanner tx", r => r["scanner"]!["tx"] = 12, "scanner.tx: GPIO 12 is a strapping pin (0, 2, 5, 12, 15): " + OnlyLedAndKeypadOutputs },
        { "strapping buzzer", r => r["buzzer"] = 5, "buzzer: GPIO 5 is a strapping pin (0, 2, 5, 12, 15): " + OnlyLedAndKeypadOutputs },
        { "strapping i2c", r => r["i2c"]!["sda"] = 15, "i2c.sda: GPIO 15 is a strapping pin (0, 2, 5, 12, 15): " + OnlyLedAndKeypadOutputs },
        { "debug uart TX", r => r["statusLed"] = 1, "statusLed: GPIO 1 is COM1, the debug port (1, 3), never use it" },
        { "debug uart RX", r => r.Compartment(1)["sensor"]!["gpio"] = 3, "compartments[1].sensor.gpio: GPIO 3 is COM1, the debug port (1, 3), never use it" },
        { "PSRAM pin on WROVER", r => { r["mcu"] = "ESP32-WROVER-E"; r["scanner"]!["tx"] = 23; },
            "scanner.rx: GPIO 16 is wired to the PSRAM on ESP32-WROVER-E (16, 17), never use it" },
        { "PSRAM pin on wrover, any case", r => { r["mcu"] = "esp32-wrover-ie"; r["scanner"]!["rx"] = 23; },
            "scanner.tx: GPIO 17 is wired to the PSRAM on esp32-wrover-ie (16, 17), never use it" },

        // MCP23017
        { "sensor on bit 7", r => r.Compartment(0)["sensor"]!["bit"] = 7,
            "compartments[0].sensor: U4.A7 is output-only on the MCP23017 (GPA7, GPB7), a sensor needs bit 0..6" },
        { "expander id with a dot", r => r["expanders"]!.AsArray().Add(new JsonObject { ["id"] = "U.6", ["chip"] = "MCP23017", ["address"] = 38 }),
            "expanders[2].id: must be letters, digits, '_' and '-'" },
        { "expander id empty", r => r["expanders"]!.AsArray().Add(new JsonObject { ["id"] = "", ["chip"] = "MCP23017", ["address"] = 38 }),
            "expanders[2].id: must be letters, digits, '_' and '-'" },

        // places
        { "two compartments in one place", r => r.Compartment(1)["row"] = 0, "compartments[1]: column 0 row 0 is already used by compartments[0]" },
    };

    private const string OnlyLedAndKeypadOutputs = "only the status LED and keypad outputs may use it";

    [Theory]
    [MemberData(nameof(Rules))]
    public void BrokenRule_IsRefusedWithPath(string rule, Action<JsonObject> breakIt, string expected)
    {
        var json = BoardSamples.FullWith(breakIt);

        var ex = Assert.Throws<BoardException>(() => BoardLoader.Load(json));
        Assert.True(ex.Problems.Length == 1 && ex.Problems[0] == expected,
            $"{rule}: expected [{expected}] got [{string.Join(" | ", ex.Problems)}]");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(12)]
    [InlineData(15)]
    public void StrappingPinAsLockOutput_IsRefused(int gpio)
    {
        // The gate pull-down holds the pin low (GPIO0 low: download mode), and the chip's own pull-up on
        // 0, 5 and 15 at reset would open the lock while the ESP32 boots.
        var json = BoardSamples.FullWith(r => r.Compartment(1)["lock"]!["gpio"] = gpio);

        var ex = Assert.Throws<BoardException>(() => BoardLoader.Load(json));
        Assert.Equal("compartments[1].lock.gpio: GPIO " + gpio + " is a strapping pin (0, 2, 5, 12, 15): " + OnlyLedAndKeypadOutputs,
            Assert.Single(ex.Problems));
    }

    [Fact]
    public void StrappingPinAsStatusLed_IsAllowed()
    {
        var json = BoardSamples.FullWith(r => r["statusLed"] = 2);

        Assert.Equal(2, BoardLoader.Load(json).StatusLed);
    }

    [Fact]
    public void StrappingPinAsKeypadOutput_IsAllowed()
    {
        var json = BoardSamples.FullWith(r => r["keypad"]!["outputs"]![3] = 15);

        Assert.Equal(15, BoardLoader.Load(json).Keypad!.Outputs[3]);
    }

    [Fact]
    public void PsramPinsOnWroomModule_AreAllowed()
    {
        // The reference board puts the scanner's COM2 on GPIO16/17: free on a WROOM module.
        var board = BoardLoader.Load(BoardSamples.Full);

        Assert.Equal("ESP32-WROOM-32E", board.Mcu);
        Assert.Equal(16, board.Scanner!.Rx);
        Assert.Equal(17, board.Scanner.Tx);
    }

    [Fact]
    public void LockOnMcp23017Bit7_IsAllowed()
    {
        var json = BoardSamples.FullWith(r =>
        {
            r.Compartment(0)["lock"]!["port"] = "B";
            r.Compartment(0)["lock"]!["bit"] = 7;
        });

        Assert.Equal("U2.B7", BoardLoader.Load(json).FindCompartment(1)!.Lock.ToString());
    }

    [Fact]
    public void SameColumnDifferentRow_IsAllowed()
    {
        var json = BoardSamples.FullWith(r => r.Compartment(1)["row"] = 5);

        Assert.Equal(5, BoardLoader.Load(json).FindCompartment(2)!.Row);
    }

    [Fact]
    public void InputOnlyPinAsSensor_IsAllowed()
    {
        var json = BoardSamples.FullWith(r => r.Compartment(1)["sensor"]!["gpio"] = 36);

        Assert.Equal(36, BoardLoader.Load(json).FindCompartment(2)!.Sensor.Gpio);
    }

    [Fact]
    public void ThirtyThreeCompartments_AreRefused()
    {
        var root = JsonNode.Parse(BoardSamples.ThirtyTwo())!.AsObject();
        var extra = root.Compartment(0).DeepClone().AsObject();
        extra["number"] = 33;
        root["compartments"]!.AsArray().Add(extra);

        var ex = Assert.Throws<BoardException>(() => BoardLoader.Load(root.ToJsonString()));
        Assert.Contains("compartments: must have 1..32 items", ex.Problems);
    }

    [Theory]
    [InlineData("{ \"format\": 1, ", "(json): ")]
    [InlineData("[1, 2]", "(root): must be a JSON object")]
    public void NotABoardObject_IsRefused(string json, string expectedStart)
    {
        var ex = Assert.Throws<BoardException>(() => BoardLoader.Load(json));
        Assert.StartsWith(expectedStart, Assert.Single(ex.Problems));
    }
}
