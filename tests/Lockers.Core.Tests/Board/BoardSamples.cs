using System.Text;
using System.Text.Json.Nodes;

namespace Lockers.Core.Tests.Board;

/// <summary>Valid board files to load as they are or to break one rule at a time.</summary>
internal static class BoardSamples
{
    /// <summary>The smallest valid board: required fields and one GPIO compartment.</summary>
    public const string Minimal = """
        {
          "format": 1, "board": "mini", "mcu": "ESP32-WROOM-32E",
          "solenoid": { "ratedPulseMs": 500, "minGapMs": 250 },
          "door": { "openConfirmMs": 3000, "leftOpenS": 120, "debounceMs": 50 },
          "compartments": [
            { "number": 1, "size": "M", "column": 0, "row": 0,
              "lock": { "gpio": 19 }, "sensor": { "gpio": 34, "openLevel": "low" } }
          ]
        }
        """;

    /// <summary>The example from docs/board-file.md: every section, expander and GPIO lines.</summary>
    public const string Full = """
        {
          "format": 1,
          "board": "lockers-ref-32",
          "description": "Reference controller: ESP32 + 4 x MCP23017, 32 compartments",
          "mcu": "ESP32-WROOM-32E",
          "solenoid": { "ratedPulseMs": 500, "minGapMs": 250 },
          "door": { "openConfirmMs": 3000, "leftOpenS": 120, "debounceMs": 50 },
          "i2c": { "bus": 1, "sda": 21, "scl": 22, "speedHz": 100000 },
          "expanders": [
            { "id": "U2", "chip": "MCP23017", "address": 32, "role": "locks" },
            { "id": "U4", "chip": "MCP23017", "address": 34, "role": "sensors" }
          ],
          "keypad": { "outputs": [13, 14, 27, 26], "inputs": [25, 33, 32], "keys": "123456789*0#" },
          "scanner": { "uart": "COM2", "rx": 16, "tx": 17, "baud": 9600 },
          "statusLed": 4,
          "buzzer": 18,
          "tamper": 39,
          "compartments": [
            {
              "number": 1, "size": "S", "column": 0, "row": 0, "accessible": true,
              "lock":   { "expander": "U2", "port": "A", "bit": 0 },
              "sensor": { "expander": "U4", "port": "A", "bit": 0, "openLevel": "high" }
            },
            {
              "number": 2, "size": "M", "column": 0, "row": 1, "accessible": false,
              "lock":   { "gpio": 19 },
              "sensor": { "gpio": 34, "openLevel": "high" }
            }
          ]
        }
        """;

    /// <summary>
    /// 32 compartments on four expanders, wired like hardware/boards/lockers-ref-32.json: one chip per column,
    /// door k (0..7) of the column on port A (k &lt; 4) or B, lock on bit 4 + k mod 4, sensor on bit k mod 4
    /// (bit 7 is output-only, so never a sensor).
    /// </summary>
    public static string ThirtyTwo()
    {
        var json = new StringBuilder();
        json.Append("""
            { "format": 1, "board": "ref-32", "mcu": "ESP32-WROOM-32E",
              "solenoid": { "ratedPulseMs": 400, "minGapMs": 300 },
              "door": { "openConfirmMs": 2500, "leftOpenS": 90, "debounceMs": 30 },
              "i2c": { "bus": 1, "sda": 21, "scl": 22, "speedHz": 400000 },
              "expanders": [
                { "id": "U2", "chip": "MCP23017", "address": 32 }, { "id": "U3", "chip": "MCP23017", "address": 33 },
                { "id": "U4", "chip": "MCP23017", "address": 34 }, { "id": "U5", "chip": "MCP23017", "address": 35 } ],
              "keypad": { "outputs": [13, 14, 27, 26], "inputs": [25, 33, 32], "keys": "123456789*0#" },
              "scanner": { "uart": "COM3", "rx": 16, "tx": 17, "baud": 115200 },
              "statusLed": 4, "buzzer": 18, "tamper": 39,
              "compartments": [
            """);
        string[] sizes = { "XL", "L", "M", "M", "S", "S", "S", "S" };
        for (int n = 1; n <= 32; n++)
        {
            int column = (n - 1) / 8, door = (n - 1) % 8;
            string chip = "U" + (column + 2), port = door < 4 ? "A" : "B";
            if (n > 1) json.Append(',');
            json.Append($$"""
                { "number": {{n}}, "size": "{{sizes[door]}}", "column": {{column}}, "row": {{door}}, "accessible": {{(door < 4 ? "true" : "false")}},
                  "lock": { "expander": "{{chip}}", "port": "{{port}}", "bit": {{4 + door % 4}} },
                  "sensor": { "expander": "{{chip}}", "port": "{{port}}", "bit": {{door % 4}}, "openLevel": "high" } }
                """);
        }

        json.Append("]}");
        return json.ToString();
    }

    /// <summary>The full sample with one change applied.</summary>
    public static string FullWith(Action<JsonObject> change)
    {
        var root = JsonNode.Parse(Full)!.AsObject();
        change(root);
        return root.ToJsonString();
    }

    public static JsonObject Compartment(this JsonObject root, int index) => root["compartments"]![index]!.AsObject();
}
