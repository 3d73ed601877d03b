using System.Text.Json.Nodes;
using Lockers.BoardTool.Model;
using Lockers.Core.Board;

namespace Lockers.Hardware.Tests;

/// <summary>
/// The firmware core (and so the device and the simulator) loads the same board files the tool
/// validates, reads the same wiring from them, and refuses the same planted mistakes.
/// </summary>
public class CoreBoardLoaderTests
{
    public static TheoryData<string> Boards => TestRepository.BoardNames();

    [Theory]
    [MemberData(nameof(Boards))]
    public void BoardFile_LoadsThroughTheFirmwareCore(string name)
    {
        var json = File.ReadAllText(TestRepository.BoardPath(name));
        var loaded = BoardLoader.Load(json);
        var read = BoardReader.Read(json);

        Assert.Equal(read.Board, loaded.Name);
        Assert.Equal(read.Compartments!.Count, loaded.Compartments.Length);
        for (var i = 0; i < loaded.Compartments.Length; i++)
        {
            var expected = read.Compartments[i];
            var actual = loaded.Compartments[i];
            Assert.Equal(expected.Number, actual.Number);
            Assert.Equal(Describe(expected.Lock!), actual.Lock.ToString());
            Assert.Equal(Describe(expected.Sensor!), actual.Sensor.ToString());
            Assert.Equal(expected.Sensor!.OpenLevel == "high", actual.SensorOpenHigh);
        }
    }

    // The core prints lines as "GPIO19" or "U2.A4".
    private static string Describe(Line line) => line.Gpio is int pin ? $"GPIO{pin}" : $"{line.Expander}.{line.Port}{line.Bit}";

    /// <summary>The rules docs/board-file.md gives the loader, one planted mistake each.</summary>
    public static TheoryData<string, string, string> Mistakes => new()
    {
        { "pin used twice", "devkit-4.json", """{ "compartments": { "1": { "lock": { "gpio": 4 } } } }""" },
        { "I2C address clash", "lockers-ref-32.json", """{ "expanders": { "1": { "address": 32 } } }""" },
        { "flash pin", "devkit-4.json", """{ "statusLed": 6 }""" },
        { "input-only pin as output", "devkit-4.json", """{ "compartments": { "0": { "lock": { "gpio": 37 } } } }""" },
        { "strapping pin as sensor", "devkit-4.json", """{ "compartments": { "2": { "sensor": { "gpio": 15 } } } }""" },
        { "compartment without sensor", "lockers-ref-32.json", """{ "compartments": { "5": { "sensor": null } } }""" },
        { "bad size", "devkit-4.json", """{ "compartments": { "0": { "size": "XXL" } } }""" },
        { "unknown expander", "lockers-ref-32.json", """{ "compartments": { "0": { "lock": { "expander": "U9" } } } }""" },
        { "keypad keys length", "lockers-ref-32.json", """{ "keypad": { "keys": "123456789*0" } }""" },
        { "scanner on COM1", "devkit-4.json", """{ "scanner": { "uart": "COM1" } }""" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void PlantedMistake_IsRefusedByBothTheToolAndTheCore(string mistake, string board, string patch)
    {
        var json = Patch(File.ReadAllText(TestRepository.BoardPath(board)), patch);
        Assert.True(TestRepository.Validator.Validate(json).Count > 0, $"the board tool accepted: {mistake}");
        Assert.Throws<BoardException>(() => BoardLoader.Load(json));
    }

    /// <summary>Merges <paramref name="patch"/> into the board: objects merge, numeric keys index arrays, null removes.</summary>
    private static string Patch(string json, string patch)
    {
        var target = JsonNode.Parse(json)!;
        Merge(target, JsonNode.Parse(patch)!.AsObject());
        return target.ToJsonString();
    }

    private static void Merge(JsonNode target, JsonObject patch)
    {
        foreach (var (key, value) in patch.ToList())
        {
            if (target is JsonArray array)
            {
                Merge(array[int.Parse(key)]!, value!.AsObject());
                continue;
            }
            var obj = target.AsObject();
            if (value is null) obj.Remove(key);
            else if (value is JsonObject child && obj[key] is JsonNode existing) Merge(existing, child);
            else obj[key] = value.DeepClone();
        }
    }
}
