using Lockers.BoardTool.Model;

namespace Lockers.BoardTool.Validation;

/// <summary>
/// The ESP32 (or Raspberry Pi) and MCP23017 wiring rules: every pin exists, is free for user code,
/// can do what it is asked to, leaves the boot straps alone, and is used once.
/// </summary>
public static class PinRules
{
    public static void Check(BoardFile board, List<Problem> problems)
    {
        var wrover = board.Mcu?.Contains("WROVER", StringComparison.OrdinalIgnoreCase) == true;
        var raspberryPi = RaspberryPiPins.Is(board);
        var firstUse = new Dictionary<int, PinUse>();
        foreach (var use in BoardLines.Pins(board))
        {
            var pin = use.Pin;
            if (raspberryPi)
                CheckRaspberryPi(use, problems);
            else if (pin < 0 || pin > Esp32Pins.HighestGpio || Esp32Pins.Missing.Contains(pin))
                problems.Add(new(use.Path, $"GPIO{pin} does not exist on the ESP32"));
            else if (Esp32Pins.Flash.Contains(pin))
                problems.Add(new(use.Path, $"GPIO{pin} is a flash pin (6-11, wired to the module's SPI flash) and must never be used"));
            else if (Esp32Pins.DebugUart.Contains(pin))
                problems.Add(new(use.Path, $"GPIO{pin} belongs to COM1, the debug UART (GPIO1/GPIO3), and must stay free"));
            else if (wrover && Esp32Pins.WroverPsram.Contains(pin))
                problems.Add(new(use.Path, $"GPIO{pin} is taken by PSRAM on {board.Mcu}"));
            else
            {
                if (use.Direction != PinDirection.Input && Esp32Pins.InputOnly.Contains(pin))
                    problems.Add(new(use.Path, $"GPIO{pin} is input-only (34-39) and cannot drive {use.What}"));
                if (use.HoldsAtBoot && Esp32Pins.Strapping.Contains(pin))
                    problems.Add(new(use.Path, $"GPIO{pin} is a strapping pin (0, 2, 5, 12, 15) and {use.What} could hold it at boot"));
            }

            if (firstUse.TryGetValue(pin, out var earlier))
                problems.Add(new(use.Path, $"GPIO{pin} is used twice: already {earlier.Path}"));
            else
                firstUse[pin] = use;
        }

        CheckExpanderBits(board, problems);
    }

    // The header's rules (docs/board-file.md, rules 20-24). Fixed-function pins are recognised by the path that
    // uses them, the same names the format uses everywhere ("i2c.sda", "scanner.tx").
    private static void CheckRaspberryPi(PinUse use, List<Problem> problems)
    {
        var pin = use.Pin;
        if (pin < 0 || pin > RaspberryPiPins.HighestGpio)
        {
            problems.Add(new(use.Path, $"GPIO{pin} is not on the Raspberry Pi's 40-pin header (GPIO0-27)"));
            return;
        }
        if (RaspberryPiPins.IdEeprom.Contains(pin))
        {
            problems.Add(new(use.Path, $"GPIO{pin} is the HAT ID EEPROM bus (GPIO0/GPIO1) and must stay free"));
            return;
        }
        (string Path, int Pin)[] fixedUses =
        [
            ("i2c.sda", RaspberryPiPins.I2cSda), ("i2c.scl", RaspberryPiPins.I2cScl),
            ("scanner.tx", RaspberryPiPins.UartTx), ("scanner.rx", RaspberryPiPins.UartRx),
        ];
        foreach (var (path, fixedPin) in fixedUses)
        {
            if (use.Path == path && pin != fixedPin)
            {
                problems.Add(new(use.Path, $"on a Raspberry Pi {path} is GPIO{fixedPin}, found GPIO{pin}"));
                return;
            }
            if (use.Path != path && pin == fixedPin)
            {
                problems.Add(new(use.Path, $"GPIO{pin} is {path} on a Raspberry Pi (I2C bus 1 has 1.8 k pull-ups, GPIO14/15 are /dev/serial0) and cannot be {use.What}"));
                return;
            }
        }
        if (use.Direction == PinDirection.Output && use.HoldsAtBoot && RaspberryPiPins.PulledUpAtReset.Contains(pin))
            problems.Add(new(use.Path, $"GPIO{pin} is pulled up from reset until Linux claims it (GPIO0-8), so {use.What} would switch on while the Pi boots"));
    }

    private static void CheckExpanderBits(BoardFile board, List<Problem> problems)
    {
        var known = new HashSet<string>((board.Expanders ?? []).Select(e => e.Id ?? ""));
        var firstUse = new Dictionary<string, ExpanderBitUse>();
        foreach (var use in BoardLines.ExpanderBits(board))
        {
            if (!known.Contains(use.Expander))
            {
                problems.Add(new(use.Path + ".expander", $"names expander '{use.Expander}', which is not in expanders[]"));
                continue;
            }
            if (use.Bit is < 0 or > 7 || use.Port is not ("A" or "B"))
                continue; // the schema reports the range
            // Microchip's MCP23017 datasheet (DS20001952 rev. D) makes GPA7 and GPB7 output-only:
            // an input change there can corrupt SDA while the chip is being read.
            if (use.Bit == 7 && use.Direction == PinDirection.Input)
                problems.Add(new(use.Path, $"{use.Name} cannot be {use.What}: GPA7/GPB7 of an MCP23017 are output-only, use bits 0-6 for inputs"));

            if (firstUse.TryGetValue(use.Name, out var earlier))
                problems.Add(new(use.Path, $"{use.Name} is used twice: already {earlier.Path}"));
            else
                firstUse[use.Name] = use;
        }
    }
}
