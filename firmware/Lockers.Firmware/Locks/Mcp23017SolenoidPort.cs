using System.Collections;
using Iot.Device.Mcp23xxx;
using Lockers.Core.Ports;

namespace Lockers.Firmware.Locks
{
    /// <summary>
    /// Lock outputs on one MCP23017, active high, driven through its registers (the binding's pin API is protected).
    /// Lines are numbered 0..7 for port A bits and 8..15 for port B bits. The latches (OLAT) are mirrored here
    /// and written whole, never read back.
    /// </summary>
    public sealed class Mcp23017SolenoidPort : ISolenoidPort
    {
        private readonly object _sync = new object();
        private readonly Mcp23017 _chip;
        private readonly Hashtable _lines = new Hashtable();
        private int _outputs;
        private int _latch;

        /// <summary>Creates the group; <see cref="Add"/> the lines, then <see cref="Enable"/>.</summary>
        public Mcp23017SolenoidPort(Mcp23017 chip)
        {
            _chip = chip;
        }

        /// <summary>Routes <paramref name="compartment"/> to <paramref name="line"/> (0..15).</summary>
        public void Add(int compartment, int line)
        {
            _lines[compartment] = line;
            _outputs |= 1 << line;
        }

        /// <summary>
        /// Writes every latch Low (released) BEFORE IODIR turns the lock bits into outputs, so no lock pulses at
        /// start-up. Nothing is read back (a failed I2C read returns 0 silently in the binding): every bit that is
        /// not a lock becomes an input, which is also what the Mcp23017 constructor left, so sensors on the same
        /// chip are unaffected.
        /// </summary>
        public void Enable()
        {
            lock (_sync)
            {
                _latch = 0;
                WriteLatch();
                _chip.WriteByte(Register.IODIR, (byte)~_outputs, Port.PortA);
                _chip.WriteByte(Register.IODIR, (byte)(~_outputs >> 8), Port.PortB);
            }
        }

        /// <inheritdoc/>
        public void SetEnergised(int compartment, bool on)
        {
            object line = _lines[compartment];
            if (line == null)
            {
                return;
            }

            lock (_sync)
            {
                int bit = 1 << (int)line;
                _latch = on ? _latch | bit : _latch & ~bit;
                WriteLatch();
            }
        }

        /// <inheritdoc/>
        public void AllOff()
        {
            lock (_sync)
            {
                _latch &= ~_outputs;
                WriteLatch();
            }
        }

        private void WriteLatch()
        {
            _chip.WriteByte(Register.OLAT, (byte)_latch, Port.PortA);
            _chip.WriteByte(Register.OLAT, (byte)(_latch >> 8), Port.PortB);
        }
    }
}
