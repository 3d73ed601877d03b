using System.Collections;
using Lockers.Core.Ports;

namespace Lockers.Firmware.Doors
{
    /// <summary>The board's door sensors as one port: each compartment is read from the group (ESP32 pins or one MCP23017) its sensor is wired to.</summary>
    public sealed class RoutedDoorSensorPort : IDoorSensorPort
    {
        private readonly Hashtable _routes = new Hashtable();

        /// <summary>Routes <paramref name="compartment"/> to <paramref name="group"/>.</summary>
        public void Add(int compartment, IDoorSensorPort group)
        {
            _routes[compartment] = group;
        }

        /// <inheritdoc/>
        public bool ReadOpen(int compartment)
        {
            IDoorSensorPort group = (IDoorSensorPort)_routes[compartment];
            return group != null && group.ReadOpen(compartment);
        }
    }
}
