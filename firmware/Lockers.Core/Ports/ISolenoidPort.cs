namespace Lockers.Core.Ports
{
    /// <summary>
    /// The lock outputs (solenoid drivers on GPIO pins or MCP23017 bits). Only the DoorController drives it;
    /// it guarantees at most one compartment is energised at a time and never longer than the rated pulse.
    /// </summary>
    public interface ISolenoidPort
    {
        /// <summary>Energises (true) or releases (false) the lock of a compartment (its board number, 1..255).</summary>
        void SetEnergised(int compartment, bool on);

        /// <summary>Releases every lock output on the board. Called first at start-up and on any fault.</summary>
        void AllOff();
    }
}
