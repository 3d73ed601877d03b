using Lockers.BoardTool.Model;

namespace Lockers.BoardTool.Validation;

/// <summary>
/// Lists every ESP32 pin and expander bit a board uses, with the path that uses it. Only the status
/// LED and the keypad outputs leave their pin alone at reset; everything else wired to a pin pulls it
/// (docs/board-file.md, rule 16).
/// </summary>
public static class BoardLines
{
    public static List<PinUse> Pins(BoardFile board)
    {
        var uses = new List<PinUse>();
        void Add(string path, int? pin, PinDirection direction, bool holds, string what)
        {
            if (pin is int p) uses.Add(new PinUse(path, p, direction, holds, what));
        }

        Add("i2c.sda", board.I2c?.Sda, PinDirection.Both, true, "I2C SDA (pulled up)");
        Add("i2c.scl", board.I2c?.Scl, PinDirection.Both, true, "I2C SCL (pulled up)");
        var outputs = board.Keypad?.Outputs ?? [];
        for (var i = 0; i < outputs.Count; i++) Add($"keypad.outputs[{i}]", outputs[i], PinDirection.Output, false, "a keypad output");
        var inputs = board.Keypad?.Inputs ?? [];
        for (var i = 0; i < inputs.Count; i++) Add($"keypad.inputs[{i}]", inputs[i], PinDirection.Input, true, "a keypad input (pulled down)");
        Add("scanner.rx", board.Scanner?.Rx, PinDirection.Input, true, "the scanner's RX (its TX idles high)");
        Add("scanner.tx", board.Scanner?.Tx, PinDirection.Output, true, "the scanner's TX (its RX input is pulled up)");
        Add("statusLed", board.StatusLed, PinDirection.Output, false, "the status LED");
        Add("buzzer", board.Buzzer, PinDirection.Output, true, "the buzzer driver (gate pulled down)");
        Add("tamper", board.Tamper, PinDirection.Input, true, "the tamper switch (pulled up)");

        var compartments = board.Compartments ?? [];
        for (var i = 0; i < compartments.Count; i++)
        {
            Add($"compartments[{i}].lock.gpio", compartments[i].Lock?.Gpio, PinDirection.Output, true, "a lock driver (gate pulled down)");
            Add($"compartments[{i}].sensor.gpio", compartments[i].Sensor?.Gpio, PinDirection.Input, true, "a door sensor (pulled up)");
        }
        return uses;
    }

    public static List<ExpanderBitUse> ExpanderBits(BoardFile board)
    {
        var uses = new List<ExpanderBitUse>();
        var compartments = board.Compartments ?? [];
        for (var i = 0; i < compartments.Count; i++)
        {
            Add(uses, $"compartments[{i}].lock", compartments[i].Lock, PinDirection.Output, "a lock driver");
            Add(uses, $"compartments[{i}].sensor", compartments[i].Sensor, PinDirection.Input, "a door sensor");
        }
        return uses;
    }

    private static void Add(List<ExpanderBitUse> uses, string path, Line? line, PinDirection direction, string what)
    {
        if (line?.Expander is string id && line.Port is string port && line.Bit is int bit)
            uses.Add(new ExpanderBitUse(path, id, port, bit, direction, what));
    }
}
