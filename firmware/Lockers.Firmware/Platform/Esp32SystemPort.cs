using System;
using Lockers.Core.Ports;
using nanoFramework.Runtime.Native;

namespace Lockers.Firmware.Platform
{
    /// <summary>
    /// Reboot and health figures on an ESP32. Every reboot (remote command or software watchdog) releases the
    /// locks first. nanoFramework exposes no RSSI for the current Wi-Fi connection (only scan reports) and the
    /// reference board measures neither supply nor temperature: those read unknown.
    /// </summary>
    public sealed class Esp32SystemPort : ISystemPort
    {
        private readonly ISolenoidPort _solenoids;

        /// <summary>Creates the port; <paramref name="solenoids"/> are released before every reboot.</summary>
        public Esp32SystemPort(ISolenoidPort solenoids)
        {
            _solenoids = solenoids;
        }

        /// <inheritdoc/>
        public long FreeMemoryBytes => nanoFramework.Runtime.Native.GC.Run(false);

        /// <inheritdoc/>
        public int SignalDbm => int.MinValue;

        /// <inheritdoc/>
        public int SupplyMillivolts => int.MinValue;

        /// <inheritdoc/>
        public int TemperatureDeciC => int.MinValue;

        /// <inheritdoc/>
        public void Reboot()
        {
            try
            {
                _solenoids.AllOff();
            }
            finally
            {
                Power.RebootDevice();
            }
        }
    }
}
