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
                    compartments[i] = new CompartmentDefinition(BoardReader.Invalid, CompartmentSize.S, 0, 0, false,
                        LineRef.ForGpio(BoardReader.Invalid), LineRef.ForGpio(BoardReader.Invalid), true);
                    continue;
                }

                compartments[i] = Read(item, path, reader, lines, expanders);
                for (int j = 0; j < i; j++)
                {
                    int number = compartments[i].Number;
                    if (number >= 0 && compartments[j].Number == number)
                    {
                        reader.Add(path + ".number", number + " is already used by compartments[" + j + "]");
                    }
                }
            }

            return compartments;
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

                // A door sensor is an input with a pull resistor, so it holds its pin at boot.
                lines.UseGpio(gpio, path + ".gpio", isLock, !isLock);
                return LineRef.ForGpio(gpio);
            }

            if (!hasExpander)
            {
                reader.Add(path, "needs gpio, or expander, port and bit");
                return LineRef.ForGpio(BoardReader.Invalid);
            }

            return ReadExpanderLine(line, path, reader, lines, expanders);
        }

        private static LineRef ReadExpanderLine(JsonObject line, string path, BoardReader reader, LineRegistry lines, ExpanderDefinition[] expanders)
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
            if (known && portOk && bit >= 0) lines.Claim(result, path);
            return result;
        }
    }
}
