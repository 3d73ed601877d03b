namespace Lockers.Core.Ports
{
    /// <summary>
    /// The controller itself: reboot and health figures. Figures a board cannot measure read as
    /// <see cref="int.MinValue"/> (or -1 for <see cref="FreeMemoryBytes"/>), never as a made-up number.
    /// </summary>
    public interface ISystemPort
    {
        /// <summary>Restarts the controller. Does not return on the device; a simulator records it.</summary>
        void Reboot();

        /// <summary>Free managed memory in bytes, or -1 when unknown.</summary>
        long FreeMemoryBytes { get; }

        /// <summary>Wi-Fi signal strength in dBm (e.g. -67), or <see cref="int.MinValue"/> when unknown.</summary>
        int SignalDbm { get; }

        /// <summary>Supply voltage in millivolts, or <see cref="int.MinValue"/> when unknown.</summary>
        int SupplyMillivolts { get; }

        /// <summary>Board temperature in tenths of a degree Celsius (215 = 21.5 °C), or <see cref="int.MinValue"/> when unknown.</summary>
        int TemperatureDeciC { get; }
    }
}
