namespace Lockers.Core.Ports
{
    /// <summary>The reed switches that tell whether each door is open.</summary>
    public interface IDoorSensorPort
    {
        /// <summary>
        /// The raw, undebounced reading for a compartment (board number, 1..255): true when the switch reads
        /// "door open". The driver has already applied the board's openLevel; the core does the debouncing.
        /// </summary>
        bool ReadOpen(int compartment);
    }
}
