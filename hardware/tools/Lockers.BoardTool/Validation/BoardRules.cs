using Lockers.BoardTool.Model;

namespace Lockers.BoardTool.Validation;

/// <summary>
/// The rules of docs/board-file.md that span fields and so cannot live in the schema: unique
/// numbers, ids and addresses, one lock and one sensor per compartment, keypad arithmetic.
/// </summary>
public static class BoardRules
{
    public static readonly string[] Sizes = ["S", "M", "L", "XL"];

    public static List<Problem> Check(BoardFile board)
    {
        var problems = new List<Problem>();
        CheckExpanders(board, problems);
        CheckCompartments(board, problems);
        CheckKeypad(board, problems);
        CheckScanner(board, problems);
        PinRules.Check(board, problems);
        return problems;
    }

    private static void CheckExpanders(BoardFile board, List<Problem> problems)
    {
        var expanders = board.Expanders ?? [];
        if (expanders.Count > 0 && board.I2c is null)
            problems.Add(new("i2c", "the board lists expanders but has no i2c bus"));
        if (RaspberryPiPins.Is(board) && board.I2c?.Bus is int bus && bus != RaspberryPiPins.I2cBus)
            problems.Add(new("i2c.bus", $"a Raspberry Pi has its header I2C on bus {RaspberryPiPins.I2cBus} (GPIO2/3), found bus {bus}"));

        var ids = new Dictionary<string, int>();
        var addresses = new Dictionary<int, int>();
        for (var i = 0; i < expanders.Count; i++)
        {
            var expander = expanders[i];
            if (expander.Id is string id && !ids.TryAdd(id, i))
                problems.Add(new($"expanders[{i}].id", $"expander id '{id}' is used twice: already expanders[{ids[id]}]"));
            if (expander.Address is not int address) continue;
            if (address is < 0x20 or > 0x27)
                problems.Add(new($"expanders[{i}].address", $"an MCP23017 answers on 32..39 (0x20..0x27), found {address}"));
            if (!addresses.TryAdd(address, i))
                problems.Add(new($"expanders[{i}].address", $"I2C address 0x{address:X2} clashes with expanders[{addresses[address]}]"));
        }
    }

    private static void CheckCompartments(BoardFile board, List<Problem> problems)
    {
        var compartments = board.Compartments ?? [];
        if (compartments.Count == 0)
            problems.Add(new("compartments", "the board has no compartments"));

        var numbers = new Dictionary<int, int>();
        var places = new Dictionary<(int, int), int>();
        for (var i = 0; i < compartments.Count; i++)
        {
            var compartment = compartments[i];
            var path = $"compartments[{i}]";
            if (compartment.Number is int number && !numbers.TryAdd(number, i))
                problems.Add(new($"{path}.number", $"compartment {number} is numbered twice: already compartments[{numbers[number]}]"));
            if (compartment.Size is string size && !Sizes.Contains(size))
                problems.Add(new($"{path}.size", $"size '{size}' is not one of S, M, L, XL"));
            else if (compartment.Size is null)
                problems.Add(new($"{path}.size", "has no size"));
            if (compartment.Column is int column && compartment.Row is int row && !places.TryAdd((column, row), i))
                problems.Add(new(path, $"column {column} row {row} is already taken by compartments[{places[(column, row)]}]"));

            CheckLine(compartment.Lock, $"{path}.lock", "lock output", isSensor: false, problems);
            CheckLine(compartment.Sensor, $"{path}.sensor", "sensor input", isSensor: true, problems);
        }
    }

    private static void CheckLine(Line? line, string path, string what, bool isSensor, List<Problem> problems)
    {
        if (line is null)
        {
            problems.Add(new(path, $"the compartment has no {what}"));
            return;
        }
        var onGpio = line.Gpio is not null;
        var onExpander = line.Expander is not null || line.Port is not null || line.Bit is not null;
        if (onGpio == onExpander)
            problems.Add(new(path, $"the {what} must be exactly one of {{ gpio }} or {{ expander, port, bit }}"));
        else if (onExpander && (line.Expander is null || line.Port is null || line.Bit is null))
            problems.Add(new(path, $"the {what} needs expander, port and bit"));
        if (isSensor && line.OpenLevel is not ("high" or "low"))
            problems.Add(new($"{path}.openLevel", "the sensor needs openLevel \"high\" or \"low\""));
    }

    private static void CheckKeypad(BoardFile board, List<Problem> problems)
    {
        if (board.Keypad is not { Outputs: { } outputs, Inputs: { } inputs, Keys: { } keys }) return;
        var expected = outputs.Count * inputs.Count;
        if (keys.Length != expected)
            problems.Add(new("keypad.keys", $"has {keys.Length} keys, but {outputs.Count} outputs x {inputs.Count} inputs make {expected}"));
    }

    private static void CheckScanner(BoardFile board, List<Problem> problems)
    {
        var uart = board.Scanner?.Uart;
        if (uart is null) return;
        if (RaspberryPiPins.Is(board))
        {
            if (uart != RaspberryPiPins.ScannerUart)
                problems.Add(new("scanner.uart", $"on a Raspberry Pi the scanner is on {RaspberryPiPins.ScannerUart} (GPIO14/15), found {uart}"));
        }
        else if (uart is "COM1")
            problems.Add(new("scanner.uart", "COM1 is the debug UART; put the scanner on COM2 or COM3"));
        else if (uart == RaspberryPiPins.ScannerUart)
            problems.Add(new("scanner.uart", $"{uart} is a Raspberry Pi's UART; an ESP32 has the scanner on COM2 or COM3"));
    }
}
