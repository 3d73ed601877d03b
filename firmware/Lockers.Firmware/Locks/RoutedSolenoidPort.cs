using System;
using System.Collections;
using Lockers.Core.Ports;

namespace Lockers.Firmware.Locks
{
    /// <summary>The board's lock outputs as one port: each compartment goes to the group (ESP32 pins or one MCP23017) its lock is wired to.</summary>
    public sealed class RoutedSolenoidPort : ISolenoidPort
    {
        private readonly Hashtable _routes = new Hashtable();
        private readonly ArrayList _groups = new ArrayList();

        /// <summary>Routes <paramref name="compartment"/> to <paramref name="group"/>.</summary>
        public void Add(int compartment, ISolenoidPort group)
        {
            _routes[compartment] = group;
            if (!_groups.Contains(group))
            {
                _groups.Add(group);
            }
        }

        /// <inheritdoc/>
        public void SetEnergised(int compartment, bool on)
        {
            // A compartment the board does not wire has nothing to drive.
            ISolenoidPort group = (ISolenoidPort)_routes[compartment];
            if (group != null)
            {
                group.SetEnergised(compartment, on);
            }
        }

        /// <inheritdoc/>
        public void AllOff()
        {
            // Every group is released even when another one fails (an I2C error on one expander).
            Exception failure = null;
            for (int i = 0; i < _groups.Count; i++)
            {
                try
                {
                    ((ISolenoidPort)_groups[i]).AllOff();
                }
                catch (Exception e)
                {
                    failure = e;
                }
            }

            if (failure != null)
            {
                throw failure;
            }
        }
    }
}
