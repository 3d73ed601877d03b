namespace Lockers.Core.Board
{
    /// <summary>The I2C bus the expanders hang on.</summary>
    public sealed class I2cDefinition
    {
        internal I2cDefinition(int bus, int sda, int scl, int speedHz)
        {
            Bus = bus;
            Sda = sda;
            Scl = scl;
            SpeedHz = speedHz;
        }

        /// <summary>The ESP32 bus id, 1 or 2.</summary>
        public int Bus { get; }

        /// <summary>The data pin.</summary>
        public int Sda { get; }

        /// <summary>The clock pin.</summary>
        public int Scl { get; }

        /// <summary>100000 (default) or 400000.</summary>
        public int SpeedHz { get; }
    }
}
