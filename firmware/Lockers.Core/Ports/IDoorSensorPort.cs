namespace Lockers.Core.Ports
{
    /// <summary>
    /// The reed switches that tell whether each door is open. DoorController reads every compartment once per
    /// Poll (every 10-20 ms), in board order, so an expander driver should read each port register once per
    /// pass and answer the other bits from that reading.
    /// </summary>
    public interface IDoorSensorPort
    {
        /// <summary>
        /// The raw, undebounced reading for a compartment (board number, 1..255): true when the switch reads
        /// "door open". The driver has already applied the board's openLevel; the core does the debouncing.
        /// </summary>
        bool ReadOpen(int compartment);
    }
}
