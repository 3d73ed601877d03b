using System;
using System.Collections;
using Iot.Device.Mcp23xxx;
using Lockers.Core.Ports;

namespace Lockers.Firmware.Doors
{
    /// <summary>
    /// Reed switches on one MCP23017 (switch to GND, internal 100 kOhm pull-ups enabled through GPPU); lines 0..7
    /// are port A bits, 8..15 port B bits. Both ports are read in one I2C transfer and the reading is reused for
    /// <see cref="MaxAgeMs"/>, so polling 16 doors costs one bus transaction instead of 16.
    /// </summary>
    public sealed class Mcp23017DoorSensorPort : IDoorSensorPort
    {
        /// <summary>How long one reading of the GPIO registers is reused, in milliseconds.</summary>
        public const int MaxAgeMs = 5;

        private readonly object _sync = new object();
        private readonly Mcp23017 _chip;
        private readonly Hashtable _lines = new Hashtable();
        private readonly Hashtable _openHigh = new Hashtable();
        private int _inputs;
        private int _levels;
        private long _readAtMs = -1000; // forces the first read (uptime starts at 0)

        /// <summary>Creates the group; <see cref="Add"/> the lines, then <see cref="Enable"/>.</summary>
        public Mcp23017DoorSensorPort(Mcp23017 chip)
        {
            _chip = chip;
        }

        /// <summary>Routes <paramref name="compartment"/> to <paramref name="line"/> (0..15); <paramref name="openHigh"/>: High means "door open".</summary>
        public void Add(int compartment, int line, bool openHigh)
        {
            _lines[compartment] = line;
            _openHigh[compartment] = openHigh;
            _inputs |= 1 << line;
        }

        /// <summary>
        /// Enables the pull-ups of the sensor bits. Their direction is already "input": the Mcp23017 constructor
        /// sets every pin to input, and a lock group on the same chip turns only its own bits into outputs.
        /// </summary>
        public void Enable()
        {
            _chip.WriteByte(Register.GPPU, (byte)_inputs, Port.PortA);
            _chip.WriteByte(Register.GPPU, (byte)(_inputs >> 8), Port.PortB);
        }

        /// <inheritdoc/>
        public bool ReadOpen(int compartment)
        {
            object line = _lines[compartment];
            if (line == null)
            {
                return false;
            }

            int levels;
            lock (_sync)
            {
                long now = Environment.TickCount64;
                if (now - _readAtMs > MaxAgeMs)
                {
                    // Low byte = port A, high byte = port B (sequential register addressing, the chip's default).
                    _levels = _chip.ReadUInt16(Register.GPIO);
                    _readAtMs = now;
                }

                levels = _levels;
            }

            return ((levels & (1 << (int)line)) != 0) == (bool)_openHigh[compartment];
        }
    }
}
