namespace Lockers.Core.Board
{
    /// <summary>One compartment as wired: its number, size, place in the cabinet, lock output and door sensor.</summary>
    public sealed class CompartmentDefinition
    {
        internal CompartmentDefinition(int number, CompartmentSize size, int column, int row, bool accessible,
            LineRef lockLine, LineRef sensorLine, bool sensorOpenHigh)
        {
            Number = number;
            Size = size;
            Column = column;
            Row = row;
            Accessible = accessible;
            Lock = lockLine;
            Sensor = sensorLine;
            SensorOpenHigh = sensorOpenHigh;
        }

        /// <summary>The compartment number shown on the door, 1..255, unique on the board.</summary>
        public int Number { get; }

        /// <summary>The size class.</summary>
        public CompartmentSize Size { get; }

        /// <summary>The cabinet column, from 0.</summary>
        public int Column { get; }

        /// <summary>The row, 0 at the bottom.</summary>
        public int Row { get; }

        /// <summary>Reachable from a wheelchair.</summary>
        public bool Accessible { get; }

        /// <summary>The solenoid output.</summary>
        public LineRef Lock { get; }

        /// <summary>The reed-switch input.</summary>
        public LineRef Sensor { get; }

        /// <summary>True when the sensor reads high with the door open ("openLevel": "high").</summary>
        public bool SensorOpenHigh { get; }
    }
}
