namespace Lockers.Core.Board
{
    /// <summary>An MCP23017 I2C port expander on the board's bus.</summary>
    public sealed class ExpanderDefinition
    {
        internal ExpanderDefinition(string id, string chip, int address, string role)
        {
            Id = id;
            Chip = chip;
            Address = address;
            Role = role;
        }

        /// <summary>The id lines refer to (e.g. "U2"), unique on the board.</summary>
        public string Id { get; }

        /// <summary>The chip type; "MCP23017" is the only one supported.</summary>
        public string Chip { get; }

        /// <summary>The 7-bit I2C address, 32..39 (0x20..0x27).</summary>
        public int Address { get; }

        /// <summary>Free text for people ("" when absent).</summary>
        public string Role { get; }
    }
}
