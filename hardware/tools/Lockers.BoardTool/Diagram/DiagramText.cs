using Lockers.BoardTool.Model;

namespace Lockers.BoardTool.Diagram;

/// <summary>The words the diagram prints next to each line, kept apart from the geometry.</summary>
public static class DiagramText
{
    public static string LockLine(Compartment compartment, BoardFile board) =>
        $"C{compartment.Number} lock -> MOSFET gate; 12 V solenoid + flyback diode, max {board.Solenoid?.RatedPulseMs} ms";

    public static string SensorLine(Compartment compartment) =>
        $"C{compartment.Number} door <- reed to GND; 10 k pull-up, 1 k + 100 nF; open = {compartment.Sensor?.OpenLevel}";

    public static string KeypadOutput(Keypad keypad, int index) =>
        $"row {index}: keys {KeysOfOutput(keypad, index)} (driven, 330 R series)";

    public static string KeypadInput(Keypad keypad, int index) =>
        $"col {index}: keys {KeysOfInput(keypad, index)} (10 k pull-down)";

    private static string KeysOfOutput(Keypad keypad, int output)
    {
        var columns = keypad.Inputs?.Count ?? 0;
        var keys = keypad.Keys ?? "";
        return string.Join(' ', Enumerable.Range(0, columns).Select(c => KeyAt(keys, output * columns + c)));
    }

    private static string KeysOfInput(Keypad keypad, int input)
    {
        var columns = keypad.Inputs?.Count ?? 0;
        var rows = keypad.Outputs?.Count ?? 0;
        var keys = keypad.Keys ?? "";
        return string.Join(' ', Enumerable.Range(0, rows).Select(r => KeyAt(keys, r * columns + input)));
    }

    private static string KeyAt(string keys, int index) => index < keys.Length ? keys[index].ToString() : "?";
}
