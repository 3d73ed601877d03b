namespace Lockers.Core.Ports
{
    /// <summary>Raised by <see cref="IPulseTimer"/> when it falls due.</summary>
    public delegate void PulseTimerHandler();

    /// <summary>
    /// A one-shot timer that ends solenoid pulses without the main loop (see Doors/PulseGuard and
    /// docs/adr/0007-pulse-cut-off.md). Every host provides one: System.Threading.Timer on nanoFramework and on Linux,
    /// a TimeProvider timer in the simulator. The contract:
    /// <list type="bullet">
    /// <item><see cref="Start"/> arms it to raise <see cref="Elapsed"/> once, <c>dueMs</c> from now, replacing any
    /// pending arming. <see cref="Cancel"/> disarms it.</item>
    /// <item><see cref="Elapsed"/> runs on a thread of the timer's own: never the caller's, never the main loop's, and
    /// it must run while the main loop is stalled or holds the controller's lock. That is the whole point.</item>
    /// <item>It may run late, and after a Cancel or a new Start it may still run once for an earlier arming: the guard
    /// checks the time itself, so neither is harmful.</item>
    /// </list>
    /// </summary>
    public interface IPulseTimer
    {
        /// <summary>Raised once per arming, on the timer's thread; see the contract above.</summary>
        event PulseTimerHandler Elapsed;

        /// <summary>Arms the timer <paramref name="dueMs"/> (0 or more) milliseconds from now, replacing a pending arming.</summary>
        void Start(int dueMs);

        /// <summary>Disarms the timer. A callback already on its way may still run.</summary>
        void Cancel();
    }
}
