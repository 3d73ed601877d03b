namespace Lockers.Testing;

/// <summary>Small board files for unit tests and the firmware benchmark, so they need no file under hardware/boards.</summary>
public static class TestBoards
{
    /// <summary>Three compartments (S, M, L) wired straight to GPIOs: 500 ms rated pulse, 50 ms debounce.</summary>
    public const string ThreeDoors = """
        {
          "format": 1, "board": "three", "mcu": "ESP32-WROOM-32E",
          "solenoid": { "ratedPulseMs": 500, "minGapMs": 250 },
          "door": { "openConfirmMs": 3000, "leftOpenS": 120, "debounceMs": 50 },
          "compartments": [
            { "number": 1, "size": "S", "column": 0, "row": 0, "lock": { "gpio": 19 }, "sensor": { "gpio": 34, "openLevel": "high" } },
            { "number": 2, "size": "M", "column": 0, "row": 1, "lock": { "gpio": 23 }, "sensor": { "gpio": 35, "openLevel": "high" } },
            { "number": 3, "size": "L", "column": 1, "row": 0, "lock": { "gpio": 25 }, "sensor": { "gpio": 36, "openLevel": "high" } }
          ]
        }
        """;
}
