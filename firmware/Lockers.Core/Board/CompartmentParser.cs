using Lockers.Core.Json;

namespace Lockers.Core.Board
{
    /// <summary>Reads the board file's compartments and their lock and sensor lines.</summary>
    internal static class CompartmentParser
    {
        private static readonly string[] CompartmentFields = { "number", "size", "column", "row", "accessible", "lock", "sensor" };
        private static readonly string[] LockFields = { "gpio", "expander", "port", "bit" };
        private static readonly string[] SensorFields = { "gpio", "expander", "port", "bit", "openLevel" };

        internal static CompartmentDefinition[] ReadAll(JsonObject root, BoardReader reader, LineRegistry lines, ExpanderDefinition[] expanders)
        {
            JsonArray? array = reader.Array(root, "compartments", "", true, 1, 32);
            if (array == null) return new CompartmentDefinition[0];
            var compartments = new CompartmentDefinition[array.Count];
            for (int i = 0; i < array.Count; i++)
            {
                string path = BoardReader.Item("compartments", i);
                if (!(array[i] is JsonObject item))
                {
                    reader.Add(path, "must be an object");
                    LineRef none = LineRef.ForGpio(BoardReader.Invalid);
                    compartments[i] = new CompartmentDefinition(BoardReader.Invalid, CompartmentSize.S,
                        BoardReader.Invalid, BoardReader.Invalid, false, none, none, true);
                    continue;
                }

                compartments[i] = Read(item, path, reader, lines, expanders);
                CheckUnique(compartments, i, path, reader);
            }

            return compartments;
        }

        // One number per door, and one door per place: the cabinet view sends a carrier to column + row.
        private static void CheckUnique(CompartmentDefinition[] compartments, int i, string path, BoardReader reader)
        {
            CompartmentDefinition current = compartments[i];
            for (int j = 0; j < i; j++)
            {
                CompartmentDefinition earlier = compartments[j];
                if (current.Number >= 0 && earlier.Number == current.Number)
                {
                    reader.Add(path + ".number", current.Number + " is already used by compartments[" + j + "]");
                }

                if (current.Column >= 0 && current.Row >= 0 && earlier.Column == current.Column && earlier.Row == current.Row)
                {
                    reader.Add(path, "column " + current.Column + " row " + current.Row + " is already used by compartments[" + j + "]");
                }
            }
        }

        private static CompartmentDefinition Read(JsonObject item, string path, BoardReader reader, LineRegistry lines, ExpanderDefinition[] expanders)
        {
            reader.CheckKnown(item, path, CompartmentFields);
            int number = reader.Int(item, "number", path, true, 1, 255);
            CompartmentSize size = CompartmentSize.S;
            string sizeText = reader.String(item, "size", path, true);
            if (item.Has("size") && !CompartmentSizes.TryParse(sizeText, out size)) reader.Add(path + ".size", "must be S, M, L or XL");
            int column = reader.Int(item, "column", path, true, 0, 63);
            int row = reader.Int(item, "row", path, true, 0, 63);
            bool accessible = reader.Bool(item, "accessible", path, false);
            LineRef lockLine = ReadLine(item, "lock", path, reader, lines, expanders, true);
            LineRef sensorLine = ReadLine(item, "sensor", path, reader, lines, expanders, false);
            bool openHigh = true;
            JsonObject? sensor = item.Get("sensor") as JsonObject;
            if (sensor != null)
            {
                string level = reader.String(sensor, "openLevel", path + ".sensor", true);
                if (level == "low") openHigh = false;
                else if (sensor.Has("openLevel") && level != "high") reader.Add(path + ".sensor.openLevel", "must be high or low");
            }

            return new CompartmentDefinition(number, size, column, row, accessible, lockLine, sensorLine, openHigh);
        }

        /// <summary>Reads a lock (output) or sensor (input) line: either { gpio } or { expander, port, bit }.</summary>
        private static LineRef ReadLine(JsonObject item, string name, string parent, BoardReader reader, LineRegistry lines,
            ExpanderDefinition[] expanders, bool isLock)
        {
            string path = parent + "." + name;
            JsonObject? line = reader.Object(item, name, parent, true);
            if (line == null) return LineRef.ForGpio(BoardReader.Invalid);
            reader.CheckKnown(line, path, isLock ? LockFields : SensorFields);
            bool hasGpio = line.Has("gpio");
            bool hasExpander = line.Has("expander") || line.Has("port") || line.Has("bit");
            if (hasGpio && hasExpander)
            {
                reader.Add(path, "use either gpio or expander/port/bit, not both");
                return LineRef.ForGpio(BoardReader.Invalid);
            }

            if (hasGpio)
            {
                int gpio = reader.Int(line, "gpio", path, true, 0, 39);

                // Both hold their pin at boot: a sensor through its pull-up, a lock through its gate pull-down.
                lines.UseGpio(gpio, path + ".gpio", isLock, true);
                return LineRef.ForGpio(gpio);
            }

            if (!hasExpander)
            {
                reader.Add(path, "needs gpio, or expander, port and bit");
                return LineRef.ForGpio(BoardReader.Invalid);
            }

            return ReadExpanderLine(line, path, reader, lines, expanders, isLock);
        }

        private static LineRef ReadExpanderLine(JsonObject line, string path, BoardReader reader, LineRegistry lines,
            ExpanderDefinition[] expanders, bool isLock)
        {
            string expander = reader.String(line, "expander", path, true);
            bool known = false;
            for (int i = 0; i < expanders.Length; i++)
            {
                if (expanders[i].Id == expander) known = true;
            }

            if (line.Has("expander") && expander.Length > 0 && !known) reader.Add(path + ".expander", "no expander '" + expander + "' on this board");
            string portText = reader.String(line, "port", path, true);
            bool portOk = portText == "A" || portText == "B";
            if (line.Has("port") && !portOk) reader.Add(path + ".port", "must be A or B");
            int bit = reader.Int(line, "bit", path, true, 0, 7);
            LineRef result = LineRef.ForExpander(expander, portOk ? portText[0] : '?', bit);

            // Microchip's MCP23017 datasheet (DS20001952 rev. D): GPA7 and GPB7 are output-only, an input
            // changing there can corrupt SDA while the chip is read.
            if (!isLock && portOk && bit == 7) reader.Add(path, result + " is output-only on the MCP23017 (GPA7, GPB7), a sensor needs bit 0..6");
            if (known && portOk && bit >= 0) lines.Claim(result, path);
            return result;
        }
    }
}
