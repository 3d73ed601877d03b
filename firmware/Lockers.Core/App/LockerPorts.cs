using System;
using Lockers.Core.Ports;

namespace Lockers.Core.App
{
    /// <summary>
    /// Everything the locker's brain talks to, supplied by the host (device drivers or simulated hardware).
    /// The controller owns none of them: the host creates them before and disposes them after it.
    /// </summary>
    public sealed class LockerPorts
    {
        /// <summary>Bundles the ports; every one is required.</summary>
        public LockerPorts(
            IClock clock,
            IStorage storage,
            IMqttLink link,
            ISolenoidPort solenoids,
            IPulseTimer pulseTimer,
            IDoorSensorPort doorSensors,
            IKeypadPort keypad,
            IScannerPort scanner,
            IFeedbackPort feedback,
            ISystemPort system)
        {
            Check(clock, nameof(clock));
            Check(storage, nameof(storage));
            Check(link, nameof(link));
            Check(solenoids, nameof(solenoids));
            Check(pulseTimer, nameof(pulseTimer));
            Check(doorSensors, nameof(doorSensors));
            Check(keypad, nameof(keypad));
            Check(scanner, nameof(scanner));
            Check(feedback, nameof(feedback));
            Check(system, nameof(system));
            Clock = clock;
            Storage = storage;
            Link = link;
            Solenoids = solenoids;
            PulseTimer = pulseTimer;
            DoorSensors = doorSensors;
            Keypad = keypad;
            Scanner = scanner;
            Feedback = feedback;
            System = system;
        }

        /// <summary>Uptime and wall time.</summary>
        public IClock Clock { get; }

        /// <summary>Flash storage for the journal, the command counter and the boot counter.</summary>
        public IStorage Storage { get; }

        /// <summary>The MQTT connection.</summary>
        public IMqttLink Link { get; }

        /// <summary>The lock outputs.</summary>
        public ISolenoidPort Solenoids { get; }

        /// <summary>The one-shot timer that ends every solenoid pulse even when the main loop does not (Doors/PulseGuard).</summary>
        public IPulseTimer PulseTimer { get; }

        /// <summary>The reed switches.</summary>
        public IDoorSensorPort DoorSensors { get; }

        /// <summary>The keypad.</summary>
        public IKeypadPort Keypad { get; }

        /// <summary>The QR scanner.</summary>
        public IScannerPort Scanner { get; }

        /// <summary>Display, buzzer and status LED.</summary>
        public IFeedbackPort Feedback { get; }

        /// <summary>Reboot and health figures.</summary>
        public ISystemPort System { get; }

        // No generics on nanoFramework 1.x, so a plain check rather than a typed helper.
        private static void Check(object port, string name)
        {
            if (port == null)
            {
                throw new ArgumentNullException(name);
            }
        }
    }
}
