using Lockers.BoardTool.Model;
using Lockers.BoardTool.Validation;

namespace Lockers.BoardTool.Diagram;

/// <summary>
/// Draws a board file as an SVG wiring diagram: the power path on top; the user-facing parts
/// wired to the ESP32's left side; the I2C bus, each expander bit and each directly wired
/// compartment line on its right; the cabinet's front view under the parts.
/// </summary>
public static class WiringDiagram
{
    private const double Row = 16;
    private const double Top = 190;
    private const double PartsX = 20, PartsWidth = 330;
    private const double McuX = 540, McuWidth = 190;
    private const double SdaX = 800, SclX = 816;
    private const double ExpanderX = 870, ExpanderWidth = 190;
    private const double DetailX = 1100;
    public const double Width = 1640;

    /// <param name="sourceName">The board file's path relative to the repository, printed in the header.</param>
    public static string Render(BoardFile board, string sourceName)
    {
        var svg = new SvgCanvas();
        svg.Text(20, 30, $"{board.Board}: wiring diagram", 20, weight: "bold");
        svg.Text(20, 50, board.Description ?? "", 12);
        svg.Text(20, 68, $"Generated from {sourceName} by ./lockers board diagram --all. Do not edit by hand: edit the board file and regenerate.", 11, fill: "#555555");
        var raspberryPi = RaspberryPiPins.Is(board);
        PowerChain.Draw(svg, 20, 110, raspberryPi);

        var leftBottom = DrawParts(svg, board);
        var rightBottom = DrawRightSide(svg, board);
        var cabinetTop = leftBottom + 30;
        CabinetView.Draw(svg, board, PartsX, cabinetTop);
        var bottom = Math.Max(Math.Max(leftBottom, rightBottom), cabinetTop + CabinetView.Height(board));

        svg.Rect(McuX, Top - 10, McuWidth, Math.Max(leftBottom, rightBottom) - Top + 20, fill: "#eef7ee", strokeWidth: 1.8);
        svg.Text(McuX + McuWidth / 2, Top + 14, board.Mcu ?? "ESP32", 13, "middle", "bold");
        svg.Text(McuX + McuWidth / 2, Top + 30, "3.3 V logic", 10.5, "middle");
        svg.Text(McuX + McuWidth / 2, Top + 44, raspberryPi ? "GPIO0/1 = HAT ID EEPROM" : "COM1 (GPIO1/3) = debug", 10.5, "middle");

        var notesY = bottom + 30;
        svg.Text(20, notesY, "Lock: +12 V -> solenoid -> MOSFET drain; source to GND; gate 220 R series, 100 k to GND (off while the driver floats at boot). Flyback diode across each solenoid.", 11);
        svg.Text(20, notesY + 16, "Sensor: reed switch between the input and GND, closed while the door is shut. All grounds common; 12 V wiring separate from signal wiring.", 11);
        return svg.ToSvg(Width, notesY + 34, $"{board.Board} wiring diagram");
    }

    /// <summary>Keypad, scanner, LED, buzzer and tamper, each pin wired across to the ESP32.</summary>
    private static double DrawParts(SvgCanvas svg, BoardFile board)
    {
        var y = Top;
        if (board.Keypad is { } keypad)
        {
            var rows = new List<(int?, string)>();
            for (var i = 0; i < (keypad.Outputs?.Count ?? 0); i++) rows.Add((keypad.Outputs![i], DiagramText.KeypadOutput(keypad, i)));
            for (var i = 0; i < (keypad.Inputs?.Count ?? 0); i++) rows.Add((keypad.Inputs![i], DiagramText.KeypadInput(keypad, i)));
            y = Part(svg, y, $"Keypad, {keypad.Outputs?.Count} rows x {keypad.Inputs?.Count} columns (KeyMatrix)", rows);
        }
        if (board.Scanner is { } scanner)
            y = Part(svg, y, $"QR/barcode scanner on {scanner.Uart}, {scanner.Baud} baud, 5 V",
                [(scanner.Rx, $"{Short(board)} RX <- scanner TX (1 k series)"), (scanner.Tx, $"{Short(board)} TX -> scanner RX")]);
        if (board.StatusLed is int led) y = Part(svg, y, "Status LED", [(led, "LED + 330 R to GND")]);
        if (board.Buzzer is int buzzer) y = Part(svg, y, "Buzzer", [(buzzer, "piezo on 5 V via MOSFET, gate 100 k to GND")]);
        if (board.Tamper is int tamper) y = Part(svg, y, "Tamper switch", [(tamper, "microswitch to GND, 10 k pull-up; lid open = high")]);
        return y;
    }

    private static double Part(SvgCanvas svg, double y, string title, List<(int? Pin, string Text)> rows)
    {
        var height = Row * (rows.Count + 1) + 10;
        svg.Rect(PartsX, y, PartsWidth, height, fill: "#f7f7f7");
        svg.Text(PartsX + 8, y + 15, title, 11.5, weight: "bold");
        for (var i = 0; i < rows.Count; i++)
        {
            var lineY = y + Row * (i + 2);
            svg.Text(PartsX + 8, lineY + 4, rows[i].Text, 10.5);
            svg.Line(PartsX + PartsWidth, lineY, McuX, lineY);
            svg.Text(McuX - 6, lineY - 3, $"GPIO{rows[i].Pin}", 10.5, "end", "bold");
        }
        return y + height + 12;
    }

    /// <summary>The I2C bus with every expander, then the compartments wired straight to GPIOs.</summary>
    private static double DrawRightSide(SvgCanvas svg, BoardFile board)
    {
        var y = Top + 56;
        var expanders = board.Expanders ?? [];
        if (board.I2c is { } i2c && expanders.Count > 0)
        {
            svg.Text(McuX + McuWidth + 6, y - 3, $"GPIO{i2c.Sda} SDA", 10.5, weight: "bold");
            svg.Line(McuX + McuWidth, y, SdaX, y, "#1f5fbf");
            svg.Text(McuX + McuWidth + 6, y + Row - 3, $"GPIO{i2c.Scl} SCL", 10.5, weight: "bold");
            svg.Line(McuX + McuWidth, y + Row, SclX, y + Row, "#1f5fbf");
            svg.Text(McuX + McuWidth + 6, y - 34, $"I2C bus {i2c.Bus}, {i2c.SpeedHz / 1000} kHz", 10.5, weight: "bold", fill: "#1f5fbf");
            svg.Text(McuX + McuWidth + 6, y - 20, RaspberryPiPins.Is(board) ? "1.8 k pull-ups on the Pi" : "2.2 k pull-ups to 3.3 V", 10.5, fill: "#1f5fbf");

            var busTop = y;
            var expanderY = y + 2 * Row + 6;
            double lastBranch = y;
            foreach (var expander in expanders)
            {
                lastBranch = DrawExpander(svg, board, expander, expanderY);
                expanderY += 40 + 16 * Row + 18;
            }
            svg.Line(SdaX, busTop, SdaX, lastBranch - Row, "#1f5fbf");
            svg.Line(SclX, busTop + Row, SclX, lastBranch, "#1f5fbf");
            y = expanderY;
        }

        foreach (var compartment in board.Compartments ?? [])
        {
            if (compartment.Lock?.Gpio is int lockPin) y = DirectLine(svg, y, lockPin, DiagramText.LockLine(compartment, board), LockColor);
            if (compartment.Sensor?.Gpio is int sensorPin) y = DirectLine(svg, y, sensorPin, DiagramText.SensorLine(compartment), SensorColor);
        }
        return y;
    }

    /// <returns>The y of the expander's SCL branch, where the bus lines end.</returns>
    private static double DrawExpander(SvgCanvas svg, BoardFile board, Expander expander, double y)
    {
        svg.Rect(ExpanderX, y, ExpanderWidth, 40 + 16 * Row, fill: "#f4f6fb", strokeWidth: 1.6);
        svg.Text(ExpanderX + 8, y + 15, $"{expander.Id} {expander.Chip} @ 0x{expander.Address:X2}", 11.5, weight: "bold");
        svg.Text(ExpanderX + 8, y + 30, expander.Role ?? "", 10);
        var sdaY = y + 20;
        var sclY = y + 20 + Row;
        svg.Line(SdaX, sdaY, ExpanderX, sdaY, "#1f5fbf");
        svg.Dot(SdaX, sdaY, "#1f5fbf");
        svg.Line(SclX, sclY, ExpanderX, sclY, "#1f5fbf");
        svg.Dot(SclX, sclY, "#1f5fbf");

        var bitY = y + 40 + Row / 2;
        foreach (var port in new[] { "A", "B" })
        {
            for (var bit = 0; bit < 8; bit++, bitY += Row)
            {
                svg.Text(ExpanderX + ExpanderWidth - 6, bitY + 4, $"GP{port}{bit}", 10.5, "end");
                var (text, color) = Describe(board, expander.Id, port, bit);
                if (text is null) continue;
                svg.Line(ExpanderX + ExpanderWidth, bitY, DetailX - 4, bitY, color);
                svg.Text(DetailX, bitY + 4, text, 10.5, fill: color);
            }
        }
        return sclY;
    }

    private static (string? Text, string Color) Describe(BoardFile board, string? expanderId, string port, int bit)
    {
        foreach (var compartment in board.Compartments ?? [])
        {
            if (Is(compartment.Lock, expanderId, port, bit)) return (DiagramText.LockLine(compartment, board), LockColor);
            if (Is(compartment.Sensor, expanderId, port, bit)) return (DiagramText.SensorLine(compartment), SensorColor);
        }
        return (null, "");
    }

    private static bool Is(Line? line, string? expander, string port, int bit) =>
        line is not null && line.Expander == expander && line.Port == port && line.Bit == bit;

    private const string LockColor = "#a33b00";
    private const string SensorColor = "#1d6b2f";

    private static double DirectLine(SvgCanvas svg, double y, int pin, string text, string color)
    {
        svg.Text(McuX + McuWidth + 6, y - 3, $"GPIO{pin}", 10.5, weight: "bold");
        svg.Line(McuX + McuWidth, y, DetailX - 4, y, color);
        svg.Text(DetailX, y + 4, text, 10.5, fill: color);
        return y + Row + 4;
    }

    private static string Short(BoardFile board) => RaspberryPiPins.Is(board) ? "Pi" : "ESP";
}
