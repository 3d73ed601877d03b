using System;
using Lockers.Core.Json;

namespace Lockers.Core.Board
{
    /// <summary>
    /// Reads a board file (docs/board-file.md, format 1) and checks every rule there. A board with any
    /// problem is refused as a whole: <see cref="BoardException"/> lists every problem with its path.
    /// </summary>
    public static class BoardLoader
    {
        private static readonly string[] TopLevelFields =
        {
            "format", "board", "description", "mcu", "solenoid", "door", "i2c", "expanders", "keypad", "scanner",
            "statusLed", "buzzer", "tamper", "compartments",
        };

        /// <summary>Parses and checks <paramref name="json"/>; throws <see cref="BoardException"/> when anything is wrong.</summary>
        public static BoardDefinition Load(string json)
        {
            if (json == null) throw new ArgumentNullException(nameof(json));
            JsonObject root;
            try
            {
                object? parsed = JsonParser.Parse(json);
                if (!(parsed is JsonObject obj)) throw new BoardException(new[] { "(root): must be a JSON object" });
                root = obj;
            }
            catch (JsonException e)
            {
                throw new BoardException(new[] { "(json): " + e.Message });
            }

            var reader = new BoardReader();
            BoardDefinition board = Read(root, reader);
            if (reader.ProblemCount > 0) throw new BoardException(reader.Problems());
            return board;
        }

        private static BoardDefinition Read(JsonObject root, BoardReader reader)
        {
            reader.CheckKnown(root, "", TopLevelFields);
            reader.Int(root, "format", "", true, BoardDefinition.Format, BoardDefinition.Format);
            string name = reader.String(root, "board", "", true);
            if (root.Has("board") && !IsBoardName(name)) reader.Add("board", "must be lowercase letters, digits and '-'");
            string description = reader.String(root, "description", "", false);
            string mcu = reader.String(root, "mcu", "", true);
            if (root.Has("mcu") && mcu.Length == 0) reader.Add("mcu", "must not be empty");

            // Every GPIO is claimed through one registry, after "mcu": a WROVER module takes GPIO16/17.
            var lines = new LineRegistry(reader, mcu);

            BoardTiming timing = BoardSections.ReadTiming(root, reader);
            I2cDefinition? i2c = BoardSections.ReadI2c(root, reader, lines);
            ExpanderDefinition[] expanders = BoardSections.ReadExpanders(root, reader);
            if (expanders.Length > 0 && i2c == null && !root.Has("i2c")) reader.Add("i2c", "required when there are expanders");
            KeypadDefinition? keypad = BoardSections.ReadKeypad(root, reader, lines);
            ScannerDefinition? scanner = BoardSections.ReadScanner(root, reader, lines);
            // The LED may sit on a strapping pin (GPIO2 carries it on many dev kits); the buzzer's gate
            // pull-down and the tamper switch's pull-up would hold one at boot.
            int statusLed = OptionalPin(root, "statusLed", reader, lines, true, false);
            int buzzer = OptionalPin(root, "buzzer", reader, lines, true, true);
            int tamper = OptionalPin(root, "tamper", reader, lines, false, true);
            CompartmentDefinition[] compartments = CompartmentParser.ReadAll(root, reader, lines, expanders);
            return new BoardDefinition(name, description, mcu, timing, i2c, expanders, keypad, scanner,
                statusLed, buzzer, tamper, compartments);
        }

        private static int OptionalPin(JsonObject root, string name, BoardReader reader, LineRegistry lines, bool drives, bool holdsAtBoot)
        {
            int pin = reader.Int(root, name, "", false, 0, 39);
            lines.UseGpio(pin, name, drives, holdsAtBoot);
            return pin;
        }

        private static bool IsBoardName(string name)
        {
            if (name.Length == 0) return false;
            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
            }

            return true;
        }
    }
}
