using System.Text.Json.Nodes;

namespace Lockers.Hardware.Tests;

/// <summary>
/// One mistake planted in a committed board: the numbered rule of docs/board-file.md it breaks and
/// the path both validators must report it at.
/// </summary>
public sealed record RuleCase(int Rule, string Name, string Board, Action<JsonObject> Plant, string Path);

/// <summary>A change to a committed board that the rules allow (an exception spelt out in the doc).</summary>
public sealed record AllowedCase(string Name, string Board, Action<JsonObject> Plant);

/// <summary>
/// The rules of docs/board-file.md as planted mistakes, at least one per numbered rule, and the
/// exceptions the rules make. <see cref="CoreBoardLoaderTests"/> runs each through both the board tool
/// and the firmware core.
/// </summary>
internal static class BoardRuleCases
{
    private const string DevKit = "devkit-4.json";
    private const string Reference = "lockers-ref-32.json";
    private const string Pi = "pi-10.json";

    public static readonly RuleCase[] Mistakes =
    [
        // 1. required fields
        new(1, "format missing", DevKit, b => b.Remove("format"), "format"),
        new(1, "sensor missing", Reference, b => C(b, 5).Remove("sensor"), "compartments[5].sensor"),
        new(1, "openLevel missing", DevKit, b => Obj(C(b, 0), "sensor").Remove("openLevel"), "compartments[0].sensor.openLevel"),
        new(1, "scanner baud missing", DevKit, b => Obj(b, "scanner").Remove("baud"), "scanner.baud"),
        new(1, "expander address missing", Reference, b => Item(b, "expanders", 2).Remove("address"), "expanders[2].address"),

        // 2. no unknown fields
        new(2, "unknown top-level field", DevKit, b => b["display"] = "SSD1306", "display"),
        new(2, "misspelt optional field", Reference, b => b["i2c"]!["speedHZ"] = 100000, "i2c.speedHZ"),

        // 3. types and ranges
        new(3, "format 2", DevKit, b => b["format"] = 2, "format"),
        new(3, "board name with capitals", DevKit, b => b["board"] = "DevKit_4", "board"),
        new(3, "pulse above 2000 ms", DevKit, b => b["solenoid"]!["ratedPulseMs"] = 5000, "solenoid.ratedPulseMs"),
        new(3, "text for a pin", DevKit, b => b["buzzer"] = "twenty-two", "buzzer"),
        new(3, "fraction for an integer", DevKit, b => b["door"]!["debounceMs"] = 50.5, "door.debounceMs"),
        new(3, "size XXL", DevKit, b => C(b, 0)["size"] = "XXL", "compartments[0].size"),
        new(3, "bit 8", Reference, b => C(b, 0)["lock"]!["bit"] = 8, "compartments[0].lock.bit"),
        new(3, "I2C bus 3", Reference, b => b["i2c"]!["bus"] = 3, "i2c.bus"),
        new(3, "I2C speed 200 kHz", Reference, b => b["i2c"]!["speedHz"] = 200000, "i2c.speedHz"),
        new(3, "baud 4800", DevKit, b => b["scanner"]!["baud"] = 4800, "scanner.baud"),
        new(3, "expander id with a space", Reference, b => b["expanders"]![3]!["id"] = "U 5", "expanders[3].id"),

        // 4. i2c with expanders
        new(4, "expanders without i2c", Reference, b => b.Remove("i2c"), "i2c"),

        // 5. counts
        new(5, "33 compartments", Reference, b => Array(b, "compartments").Add(Extra(C(b, 0), 33)), "compartments"),
        new(5, "no compartments", DevKit, b => b["compartments"] = new JsonArray(), "compartments"),
        new(5, "9 expanders", Reference, b =>
        {
            for (var address = 36; address <= 40; address++)
                Array(b, "expanders").Add(new JsonObject { ["id"] = $"X{address}", ["chip"] = "MCP23017", ["address"] = Math.Min(address, 39) });
        }, "expanders"),

        // 6-10. compartments, expanders, lines
        new(6, "compartment number twice", DevKit, b => C(b, 3)["number"] = 1, "compartments[3].number"),
        new(7, "two compartments in one place", DevKit, b => C(b, 1)["row"] = 0, "compartments[1]"),
        new(8, "expander address twice", Reference, b => b["expanders"]![1]!["address"] = 32, "expanders[1].address"),
        new(8, "expander id twice", Reference, b => b["expanders"]![1]!["id"] = "U2", "expanders[1].id"),
        new(9, "lock missing", DevKit, b => C(b, 3).Remove("lock"), "compartments[3].lock"),
        new(9, "lock empty", DevKit, b => C(b, 1)["lock"] = new JsonObject(), "compartments[1].lock"),
        new(9, "lock on gpio and expander", Reference, b => C(b, 0)["lock"]!["gpio"] = 19, "compartments[0].lock"),
        new(9, "lock on an unknown expander", Reference, b => C(b, 0)["lock"]!["expander"] = "U9", "compartments[0].lock.expander"),
        new(10, "GPIO twice", DevKit, b => C(b, 1)["lock"]!["gpio"] = 4, "compartments[1].lock.gpio"),
        new(10, "expander bit twice", Reference, b => C(b, 1)["lock"]!["bit"] = 4, "compartments[1].lock"),
        new(10, "LED on a keypad pin", DevKit, b => b["statusLed"] = 13, "statusLed"),
        new(10, "buzzer on an I2C pin", Reference, b => b["buzzer"] = 21, "buzzer"),
        new(10, "sensor on a scanner pin", DevKit, b => C(b, 0)["sensor"]!["gpio"] = 16, "compartments[0].sensor.gpio"),

        // 11-16. ESP32 pins
        new(11, "GPIO24", DevKit, b => b["buzzer"] = 24, "buzzer"),
        new(11, "GPIO20 as a lock", DevKit, b => C(b, 0)["lock"]!["gpio"] = 20, "compartments[0].lock.gpio"),
        new(12, "flash pin as LED", DevKit, b => b["statusLed"] = 6, "statusLed"),
        new(12, "flash pin as keypad input", Reference, b => b["keypad"]!["inputs"]![2] = 11, "keypad.inputs[2]"),
        new(13, "COM1 TX as buzzer", DevKit, b => b["buzzer"] = 1, "buzzer"),
        new(13, "COM1 RX as sensor", DevKit, b => C(b, 0)["sensor"]!["gpio"] = 3, "compartments[0].sensor.gpio"),
        new(14, "PSRAM pin on a WROVER", DevKit, b => b["mcu"] = "ESP32-WROVER-E", "scanner.rx"),
        new(14, "PSRAM pin on a wrover, any case", Reference, b => b["mcu"] = "esp32-wrover-ie", "scanner.tx"),
        new(15, "input-only lock", DevKit, b => C(b, 0)["lock"]!["gpio"] = 37, "compartments[0].lock.gpio"),
        new(15, "input-only keypad output", Reference, b => b["keypad"]!["outputs"]![0] = 36, "keypad.outputs[0]"),
        new(15, "input-only LED", DevKit, b => b["statusLed"] = 38, "statusLed"),
        new(15, "input-only scanner TX", Reference, b => b["scanner"]!["tx"] = 35, "scanner.tx"),
        new(15, "input-only I2C", Reference, b => b["i2c"]!["sda"] = 34, "i2c.sda"),
        new(16, "strapping pin as sensor", DevKit, b => C(b, 2)["sensor"]!["gpio"] = 15, "compartments[2].sensor.gpio"),
        new(16, "strapping pin as lock", DevKit, b => C(b, 0)["lock"]!["gpio"] = 0, "compartments[0].lock.gpio"),
        new(16, "strapping pin as buzzer", DevKit, b => b["buzzer"] = 5, "buzzer"),
        new(16, "strapping pin as keypad input", Reference, b => b["keypad"]!["inputs"]![2] = 12, "keypad.inputs[2]"),
        new(16, "strapping pin as tamper", Reference, b => b["tamper"] = 15, "tamper"),
        new(16, "strapping pin as scanner RX", DevKit, b => b["scanner"]!["rx"] = 2, "scanner.rx"),
        new(16, "strapping pin as scanner TX", DevKit, b => b["scanner"]!["tx"] = 12, "scanner.tx"),
        new(16, "strapping pin as I2C", Reference, b => b["i2c"]!["scl"] = 15, "i2c.scl"),

        // 17-19. MCP23017, keypad, scanner
        new(17, "sensor on GPA7", Reference, b =>
        {
            C(b, 0)["sensor"]!["bit"] = 7;
            C(b, 3)["lock"]!["bit"] = 0; // swap, so only the bit-7 rule is broken
        }, "compartments[0].sensor"),
        new(17, "sensor on GPB7", Reference, b =>
        {
            C(b, 4)["sensor"]!["bit"] = 7;
            C(b, 7)["lock"]!["bit"] = 0;
        }, "compartments[4].sensor"),
        new(18, "keypad keys short", Reference, b => b["keypad"]!["keys"] = "123456789*0", "keypad.keys"),
        new(19, "scanner on COM1", DevKit, b => b["scanner"]!["uart"] = "COM1", "scanner.uart"),
        new(19, "scanner on COM7", DevKit, b => b["scanner"]!["uart"] = "COM7", "scanner.uart"),
        new(19, "Raspberry Pi UART on an ESP32", DevKit, b => b["scanner"]!["uart"] = "/dev/serial0", "scanner.uart"),

        // 20-24. Raspberry Pi pins
        new(20, "GPIO28 as a Pi buzzer", Pi, b => b["buzzer"] = 28, "buzzer"),
        new(20, "GPIO31 as a Pi sensor", Pi, b => C(b, 0)["sensor"]!["gpio"] = 31, "compartments[0].sensor.gpio"),
        new(21, "ID EEPROM pin as tamper", Pi, b => b["tamper"] = 0, "tamper"),
        new(21, "ID EEPROM pin as a lock", Pi, b => C(b, 8)["lock"]!["gpio"] = 1, "compartments[8].lock.gpio"),
        new(22, "I2C SDA pin as a sensor", Pi, b => C(b, 0)["sensor"]!["gpio"] = 2, "compartments[0].sensor.gpio"),
        new(22, "I2C SCL pin as the LED", Pi, b => b["statusLed"] = 3, "statusLed"),
        new(22, "I2C moved off GPIO2", Pi, b => b["i2c"]!["sda"] = 4, "i2c.sda"),
        new(22, "I2C bus 2 on a Pi", Pi, b => b["i2c"]!["bus"] = 2, "i2c.bus"),
        new(23, "scanner on COM2 of a Pi", Pi, b => b["scanner"]!["uart"] = "COM2", "scanner.uart"),
        new(23, "UART TX pin as the buzzer", Pi, b => b["buzzer"] = 14, "buzzer"),
        new(23, "scanner RX off GPIO15", Pi, b => b["scanner"]!["rx"] = 13, "scanner.rx"),
        new(24, "lock on GPIO8 of a Pi", Pi, b =>
        {
            b.Remove("tamper");
            C(b, 4)["sensor"]!["gpio"] = 27; // frees GPIO8, so only the reset-pull rule is broken
            C(b, 8)["lock"]!["gpio"] = 8;
        }, "compartments[8].lock.gpio"),
        new(24, "buzzer on GPIO4 of a Pi", Pi, b =>
        {
            b.Remove("tamper");
            C(b, 0)["sensor"]!["gpio"] = 27;
            b["buzzer"] = 4;
        }, "buzzer"),
    ];

    public static readonly AllowedCase[] Allowed =
    [
        new("as committed: sensors on input-only pins", DevKit, _ => { }),
        new("as committed: locks on bit 7, scanner on GPIO16/17 of a WROOM", Reference, _ => { }),
        new("status LED on strapping pin 2", DevKit, b => b["statusLed"] = 2),
        new("status LED on strapping pin 0", DevKit, b => b["statusLed"] = 0),
        new("keypad output on strapping pin 15", Reference, b => b["keypad"]!["outputs"]![0] = 15),
        new("keypad output on strapping pin 5", DevKit, b => b["keypad"]!["outputs"]![3] = 5),
        new("WROVER without the scanner", DevKit, b => { b["mcu"] = "ESP32-WROVER-E"; b.Remove("scanner"); }),
        new("no optional parts", DevKit, b =>
        {
            foreach (var part in new[] { "description", "keypad", "scanner", "statusLed", "buzzer", "tamper" }) b.Remove(part);
            foreach (var compartment in Array(b, "compartments")) compartment!.AsObject().Remove("accessible");
        }),
        new("i2c without expanders", DevKit, b =>
        {
            b.Remove("keypad");
            b["i2c"] = new JsonObject { ["bus"] = 1, ["sda"] = 13, ["scl"] = 14 };
        }),
        new("as committed: a Pi with sensors on GPIO4-8, locks on an expander and on GPIO23/24", Pi, _ => { }),
        new("status LED on GPIO4 of a Pi", Pi, b =>
        {
            b.Remove("tamper");
            C(b, 0)["sensor"]!["gpio"] = 27;
            b["statusLed"] = 4;
        }),
        new("keypad output on GPIO8 of a Pi", Pi, b =>
        {
            b["keypad"]!["outputs"]![0] = 8;
            C(b, 4)["sensor"]!["gpio"] = 16;
        }),
        new("I2C at 400 kHz, scanner at 115200", Reference, b =>
        {
            b["i2c"]!["speedHz"] = 400000;
            b["scanner"]!["baud"] = 115200;
            b["scanner"]!["uart"] = "COM3";
        }),
    ];

    private static JsonObject C(JsonObject board, int index) => Item(board, "compartments", index);

    private static JsonObject Obj(JsonObject parent, string name) => parent[name]!.AsObject();

    private static JsonArray Array(JsonObject parent, string name) => parent[name]!.AsArray();

    private static JsonObject Item(JsonObject parent, string name, int index) => parent[name]![index]!.AsObject();

    // A copy of a compartment under a new number and place (its lines clash, which adds problems, not removes).
    private static JsonObject Extra(JsonObject compartment, int number)
    {
        var copy = compartment.DeepClone().AsObject();
        copy["number"] = number;
        copy["column"] = 9;
        return copy;
    }
}
