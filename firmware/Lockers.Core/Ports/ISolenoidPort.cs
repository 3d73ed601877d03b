namespace Lockers.Core.Ports
{
    /// <summary>
    /// The lock outputs (solenoid drivers on GPIO pins or MCP23017 bits). Only the core's PulseGuard drives it (for
    /// the DoorController), so at most one compartment is energised at a time and never longer than its pulse.
    /// Calls come from the main loop and, to end a pulse the loop did not end, from the <see cref="IPulseTimer"/>'s
    /// thread; the guard serialises its own calls, but a host calling <see cref="AllOff"/> from elsewhere (a reboot)
    /// needs an implementation that tolerates that.
    /// </summary>
    public interface ISolenoidPort
    {
        /// <summary>Energises (true) or releases (false) the lock of a compartment (its board number, 1..255).</summary>
        void SetEnergised(int compartment, bool on);

        /// <summary>Releases every lock output on the board. Called first at start-up and on any fault.</summary>
        void AllOff();
    }
}
