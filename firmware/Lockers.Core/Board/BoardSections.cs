using Lockers.Core.Json;

namespace Lockers.Core.Board
{
    /// <summary>Reads the board file's sections other than the compartments.</summary>
    internal static class BoardSections
    {
        private const int MaxGpio = 39;
        private static readonly string[] SolenoidFields = { "ratedPulseMs", "minGapMs" };
        private static readonly string[] DoorFields = { "openConfirmMs", "leftOpenS", "debounceMs" };
        private static readonly string[] I2cFields = { "bus", "sda", "scl", "speedHz" };
        private static readonly string[] ExpanderFields = { "id", "chip", "address", "role" };
        private static readonly string[] KeypadFields = { "outputs", "inputs", "keys" };
        private static readonly string[] ScannerFields = { "uart", "rx", "tx", "baud" };

        internal static BoardTiming ReadTiming(JsonObject root, BoardReader reader)
        {
            int ratedPulseMs = BoardReader.Invalid, minGapMs = BoardReader.Invalid;
            JsonObject? solenoid = reader.Object(root, "solenoid", "", true);
            if (solenoid != null)
            {
                reader.CheckKnown(solenoid, "solenoid", SolenoidFields);
                ratedPulseMs = reader.Int(solenoid, "ratedPulseMs", "solenoid", true, 1, 2000);
                minGapMs = reader.Int(solenoid, "minGapMs", "solenoid", true, 0, 10000);
            }

            int openConfirmMs = BoardReader.Invalid, leftOpenS = BoardReader.Invalid, debounceMs = BoardReader.Invalid;
            JsonObject? door = reader.Object(root, "door", "", true);
            if (door != null)
            {
                reader.CheckKnown(door, "door", DoorFields);
                openConfirmMs = reader.Int(door, "openConfirmMs", "door", true, 100, 60000);
                leftOpenS = reader.Int(door, "leftOpenS", "door", true, 1, 86400);
                debounceMs = reader.Int(door, "debounceMs", "door", true, 0, 1000);
            }

            return new BoardTiming(ratedPulseMs, minGapMs, openConfirmMs, leftOpenS, debounceMs);
        }

        internal static I2cDefinition? ReadI2c(JsonObject root, BoardReader reader, LineRegistry lines)
        {
            JsonObject? i2c = reader.Object(root, "i2c", "", false);
            if (i2c == null) return null;
            reader.CheckKnown(i2c, "i2c", I2cFields);
            int bus = reader.Int(i2c, "bus", "i2c", true, 1, 2);
            if (lines.IsRaspberryPi && bus >= 0 && bus != RaspberryPiPins.I2cBus) reader.Add("i2c.bus", "must be 1 on a Raspberry Pi (GPIO2/3)");
            int sda = reader.Int(i2c, "sda", "i2c", true, 0, MaxGpio);
            int scl = reader.Int(i2c, "scl", "i2c", true, 0, MaxGpio);

            // Both bus lines are driven (open drain) and carry pull-ups that hold them at boot.
            lines.UseGpio(sda, "i2c.sda", true, true);
            lines.UseGpio(scl, "i2c.scl", true, true);
            int speedHz = 100000;
            if (i2c.Has("speedHz"))
            {
                speedHz = reader.Int(i2c, "speedHz", "i2c", false, 0, int.MaxValue);
                if (speedHz >= 0 && speedHz != 100000 && speedHz != 400000) reader.Add("i2c.speedHz", "must be 100000 or 400000");
            }

            return new I2cDefinition(bus, sda, scl, speedHz);
        }

        internal static ExpanderDefinition[] ReadExpanders(JsonObject root, BoardReader reader)
        {
            JsonArray? array = reader.Array(root, "expanders", "", false, 0, 8);
            if (array == null) return new ExpanderDefinition[0];
            var expanders = new ExpanderDefinition[array.Count];
            for (int i = 0; i < array.Count; i++)
            {
                string path = BoardReader.Item("expanders", i);
                if (!(array[i] is JsonObject item))
                {
                    reader.Add(path, "must be an object");
                    expanders[i] = new ExpanderDefinition("", "", BoardReader.Invalid, "");
                    continue;
                }

                reader.CheckKnown(item, path, ExpanderFields);
                string id = reader.String(item, "id", path, true);
                if (item.Has("id") && !IsExpanderId(id)) reader.Add(path + ".id", "must be letters, digits, '_' and '-'");
                string chip = reader.String(item, "chip", path, true);
                if (item.Has("chip") && chip != "MCP23017") reader.Add(path + ".chip", "must be MCP23017");
                int address = reader.Int(item, "address", path, true, 32, 39);
                for (int j = 0; j < i; j++)
                {
                    if (id.Length > 0 && expanders[j].Id == id) reader.Add(path + ".id", "'" + id + "' is already used by expanders[" + j + "]");
                    if (address >= 0 && expanders[j].Address == address) reader.Add(path + ".address", address + " is already used by expanders[" + j + "]");
                }

                expanders[i] = new ExpanderDefinition(id, chip, address, reader.String(item, "role", path, false));
            }

            return expanders;
        }

        internal static KeypadDefinition? ReadKeypad(JsonObject root, BoardReader reader, LineRegistry lines)
        {
            JsonObject? keypad = reader.Object(root, "keypad", "", false);
            if (keypad == null) return null;
            reader.CheckKnown(keypad, "keypad", KeypadFields);
            int[] outputs = ReadPins(keypad, "outputs", reader, lines, true, false);
            int[] inputs = ReadPins(keypad, "inputs", reader, lines, false, true);
            string keys = reader.String(keypad, "keys", "keypad", true);
            if (keypad.Has("keys") && outputs.Length > 0 && inputs.Length > 0 && keys.Length != outputs.Length * inputs.Length)
            {
                reader.Add("keypad.keys", "must have " + (outputs.Length * inputs.Length) + " keys (outputs x inputs), has " + keys.Length);
            }

            return new KeypadDefinition(outputs, inputs, keys);
        }

        internal static ScannerDefinition? ReadScanner(JsonObject root, BoardReader reader, LineRegistry lines)
        {
            JsonObject? scanner = reader.Object(root, "scanner", "", false);
            if (scanner == null) return null;
            reader.CheckKnown(scanner, "scanner", ScannerFields);
            string uart = reader.String(scanner, "uart", "scanner", true);
            if (lines.IsRaspberryPi)
            {
                if (scanner.Has("uart") && uart != RaspberryPiPins.ScannerUart) reader.Add("scanner.uart", "must be " + RaspberryPiPins.ScannerUart + " on a Raspberry Pi");
            }
            else if (uart == "COM1") reader.Add("scanner.uart", "must be COM2 or COM3 (COM1 is the debug port)");
            else if (scanner.Has("uart") && uart != "COM2" && uart != "COM3") reader.Add("scanner.uart", "must be COM2 or COM3");
            int rx = reader.Int(scanner, "rx", "scanner", true, 0, MaxGpio);
            int tx = reader.Int(scanner, "tx", "scanner", true, 0, MaxGpio);

            // An idle UART line sits high, so the scanner holds RX up while the chip resets; and a
            // scanner's RX input is usually pulled up, so it holds TX up too.
            lines.UseGpio(rx, "scanner.rx", false, true);
            lines.UseGpio(tx, "scanner.tx", true, true);
            int baud = reader.Int(scanner, "baud", "scanner", true, 0, int.MaxValue);
            if (baud >= 0 && baud != 9600 && baud != 19200 && baud != 38400 && baud != 57600 && baud != 115200)
            {
                reader.Add("scanner.baud", "must be 9600, 19200, 38400, 57600 or 115200");
            }

            return new ScannerDefinition(uart, rx, tx, baud);
        }

        // Ids name lines in messages ("U2.A4"), so no dots, spaces or empty ids.
        private static bool IsExpanderId(string id)
        {
            if (id.Length == 0) return false;
            for (int i = 0; i < id.Length; i++)
            {
                char c = id[i];
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) return false;
            }

            return true;
        }

        private static int[] ReadPins(JsonObject keypad, string name, BoardReader reader, LineRegistry lines, bool drives, bool holdsAtBoot)
        {
            JsonArray? array = reader.Array(keypad, name, "keypad", true, 1, 8);
            if (array == null) return new int[0];
            string path = "keypad." + name;
            int[] pins = new int[array.Count];
            for (int i = 0; i < pins.Length; i++)
            {
                pins[i] = reader.IntItem(array, i, path, 0, MaxGpio);
                lines.UseGpio(pins[i], BoardReader.Item(path, i), drives, holdsAtBoot);
            }

            return pins;
        }
    }
}
