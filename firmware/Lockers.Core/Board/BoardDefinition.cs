namespace Lockers.Core.Board
{
    /// <summary>
    /// What one locker controller is wired to: a loaded and checked board file (docs/board-file.md).
    /// Made only by <see cref="BoardLoader"/>, so every instance has passed every rule.
    /// </summary>
    public sealed class BoardDefinition
    {
        internal BoardDefinition(string name, string description, string mcu, BoardTiming timing, I2cDefinition? i2c,
            ExpanderDefinition[] expanders, KeypadDefinition? keypad, ScannerDefinition? scanner,
            int statusLed, int buzzer, int tamper, CompartmentDefinition[] compartments)
        {
            Name = name;
            Description = description;
            Mcu = mcu;
            Timing = timing;
            I2c = i2c;
            Expanders = expanders;
            Keypad = keypad;
            Scanner = scanner;
            StatusLed = statusLed;
            Buzzer = buzzer;
            Tamper = tamper;
            Compartments = compartments;
        }

        /// <summary>The board file format this loader reads.</summary>
        public const int Format = 1;

        /// <summary>The board's name ("board"), [a-z0-9-]+.</summary>
        public string Name { get; }

        /// <summary>Free text ("" when absent).</summary>
        public string Description { get; }

        /// <summary>The module, e.g. "ESP32-WROOM-32E".</summary>
        public string Mcu { get; }

        /// <summary>Solenoid and door timing.</summary>
        public BoardTiming Timing { get; }

        /// <summary>The I2C bus, or null on a board without expanders.</summary>
        public I2cDefinition? I2c { get; }

        /// <summary>The expanders (empty when none).</summary>
        public ExpanderDefinition[] Expanders { get; }

        /// <summary>The keypad, or null when the board has none.</summary>
        public KeypadDefinition? Keypad { get; }

        /// <summary>The scanner, or null when the board has none.</summary>
        public ScannerDefinition? Scanner { get; }

        /// <summary>The status LED's GPIO, or -1.</summary>
        public int StatusLed { get; }

        /// <summary>The buzzer's GPIO, or -1.</summary>
        public int Buzzer { get; }

        /// <summary>The tamper switch's GPIO, or -1.</summary>
        public int Tamper { get; }

        /// <summary>The compartments in file order.</summary>
        public CompartmentDefinition[] Compartments { get; }

        /// <summary>The compartment numbers in file order (what DoorController takes).</summary>
        public int[] CompartmentNumbers
        {
            get
            {
                int[] numbers = new int[Compartments.Length];
                for (int i = 0; i < numbers.Length; i++) numbers[i] = Compartments[i].Number;
                return numbers;
            }
        }

        /// <summary>The compartment with this number, or null.</summary>
        public CompartmentDefinition? FindCompartment(int number)
        {
            for (int i = 0; i < Compartments.Length; i++)
            {
                if (Compartments[i].Number == number) return Compartments[i];
            }

            return null;
        }

        /// <summary>The expander with this id, or null.</summary>
        public ExpanderDefinition? FindExpander(string id)
        {
            for (int i = 0; i < Expanders.Length; i++)
            {
                if (Expanders[i].Id == id) return Expanders[i];
            }

            return null;
        }
    }
}
