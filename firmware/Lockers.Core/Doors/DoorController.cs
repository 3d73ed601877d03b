using System;
using System.Collections;
using Lockers.Core.Ports;

namespace Lockers.Core.Doors
{
    /// <summary>
    /// Drives every compartment of one board: pulses one solenoid at a time for at most the rated pulse,
    /// with a rest between pulses; confirms each unlock with the reed switch; reports jammed, forced and
    /// left-open doors and closings. It switches every output off before it does anything else, so a
    /// reboot always leaves the doors locked. <see cref="Poll"/> drives all of it; call it every 10-20 ms.
    /// Every pulse goes through a <see cref="PulseGuard"/>, whose timer releases the coil at the pulse end even
    /// when Poll does not come. Not thread-safe: the host serialises calls with its core lock.
    /// </summary>
    public sealed class DoorController
    {
        private const int MaxCompartmentNumber = 255;

        private readonly PulseGuard _guard;
        private readonly IDoorSensorPort _sensors;
        private readonly DoorTiming _timing;
        private readonly CompartmentDoor[] _doors;
        private readonly int[] _indexByNumber = new int[MaxCompartmentNumber + 1];
        private readonly ArrayList _queue = new ArrayList();
        private CompartmentDoor? _active;
        private long _pulseEndMs;
        private long _lastPulseEndMs;

        /// <summary>
        /// Switches every output off (through <paramref name="guard"/>, which owns the lock outputs from now on),
        /// then takes over the given compartments (numbers 1..255, unique).
        /// Doors found open are <see cref="DoorState.Open"/>, not forced: nobody can tell what opened them
        /// before a reboot. The first pulse waits the minimum gap from <paramref name="nowMs"/>, in case a
        /// coil was on when the controller restarted.
        /// </summary>
        public DoorController(int[] compartments, DoorTiming timing, PulseGuard guard, IDoorSensorPort sensors, long nowMs)
        {
            if (guard == null) throw new ArgumentNullException(nameof(guard));
            guard.AllOff(nowMs);
            if (compartments == null) throw new ArgumentNullException(nameof(compartments));
            if (timing == null) throw new ArgumentNullException(nameof(timing));
            if (sensors == null) throw new ArgumentNullException(nameof(sensors));
            _guard = guard;
            _sensors = sensors;
            _timing = timing;
            _lastPulseEndMs = nowMs;
            for (int i = 0; i <= MaxCompartmentNumber; i++) _indexByNumber[i] = -1;
            _doors = new CompartmentDoor[compartments.Length];
            for (int i = 0; i < compartments.Length; i++)
            {
                int number = compartments[i];
                if (number < 1 || number > MaxCompartmentNumber) throw new ArgumentException("compartment numbers must be 1..255");
                if (_indexByNumber[number] >= 0) throw new ArgumentException("compartment " + number + " listed twice");
                _indexByNumber[number] = i;
                _doors[i] = new CompartmentDoor(number, sensors.ReadOpen(number), nowMs);
            }
        }

        /// <summary>Every door event; see <see cref="DoorEventKind"/>.</summary>
        public event DoorEventHandler? DoorEvent;

        /// <summary>The timing in force.</summary>
        public DoorTiming Timing => _timing;

        /// <summary>The compartment being pulsed now, or 0 when no solenoid is energised.</summary>
        public int ActiveCompartment => _active == null ? 0 : _active.Number;

        /// <summary>When the running pulse ends (uptime ms), or -1 when none runs. The guard's timer releases the coil then.</summary>
        public long PulseEndsAtMs => _active == null ? -1 : _pulseEndMs;

        /// <summary>Unlocks accepted but not yet started.</summary>
        public int QueuedCount => _queue.Count;

        /// <summary>The compartment numbers this controller drives, in board order.</summary>
        public int[] Compartments
        {
            get
            {
                int[] numbers = new int[_doors.Length];
                for (int i = 0; i < _doors.Length; i++) numbers[i] = _doors[i].Number;
                return numbers;
            }
        }

        /// <summary>True when this board has the compartment.</summary>
        public bool Has(int compartment) => Find(compartment) != null;

        /// <summary>The door's state; throws ArgumentOutOfRangeException for an unknown compartment.</summary>
        public DoorState GetState(int compartment) => Require(compartment).State;

        /// <summary>The debounced sensor: true when the door is open.</summary>
        public bool IsOpen(int compartment) => Require(compartment).Open;

        /// <summary>True when maintenance has taken the compartment out of service.</summary>
        public bool IsOutOfService(int compartment) => Require(compartment).OutOfService;

        /// <summary>
        /// Takes a compartment out of service (it then refuses unlocks without an override) or back in.
        /// An unlock already accepted still runs. Returns false for an unknown compartment.
        /// </summary>
        public bool SetOutOfService(int compartment, bool outOfService)
        {
            CompartmentDoor? door = Find(compartment);
            if (door == null) return false;
            door.OutOfService = outOfService;
            return true;
        }

        /// <summary>Queues an unlock with the rated pulse; <paramref name="reference"/> comes back in the door's events.</summary>
        public UnlockResult RequestUnlock(int compartment, string reference) => RequestUnlock(compartment, reference, 0, false);

        /// <summary>
        /// Queues an unlock. The pulse is <paramref name="pulseMs"/> capped at the rated pulse (0 or less means
        /// the rated pulse). <paramref name="overrideOutOfService"/> lets maintenance open an out-of-service
        /// compartment (an audited remote open); nothing else bypasses that flag.
        /// </summary>
        public UnlockResult RequestUnlock(int compartment, string reference, int pulseMs, bool overrideOutOfService)
        {
            CompartmentDoor? door = Find(compartment);
            if (door == null) return UnlockResult.UnknownCompartment;
            if (door.OutOfService && !overrideOutOfService) return UnlockResult.OutOfService;
            if (door.State == DoorState.UnlockQueued || door.State == DoorState.Unlocking) return UnlockResult.AlreadyInProgress;
            if (door.Open) return UnlockResult.AlreadyOpen;
            door.Reference = reference == null ? "" : reference;
            door.PulseMs = pulseMs <= 0 || pulseMs > _timing.RatedPulseMs ? _timing.RatedPulseMs : pulseMs;
            door.State = DoorState.UnlockQueued;
            _queue.Add(door);
            return UnlockResult.Queued;
        }

        /// <summary>
        /// Advances everything to uptime <paramref name="nowMs"/>: ends a due pulse first, then reads and
        /// debounces every sensor, raises events, and starts the next queued pulse when the gap allows.
        /// </summary>
        public void Poll(long nowMs)
        {
            EndPulseIfDue(nowMs);
            for (int i = 0; i < _doors.Length; i++) PollDoor(_doors[i], nowMs);
            StartNextPulse(nowMs);
        }

        private void EndPulseIfDue(long nowMs)
        {
            if (_active == null || nowMs < _pulseEndMs) return;
            CompartmentDoor door = _active;

            // Normally the guard's timer released the coil on time and this only catches up; a late Poll with no
            // working timer is what OverPulse reports.
            long releasedAtMs = SwitchOff(nowMs);
            long late = releasedAtMs - _pulseEndMs;
            if (late > _timing.OverPulseToleranceMs) Raise(door.Number, DoorEventKind.OverPulse, door.Reference, late);
        }

        private void PollDoor(CompartmentDoor door, long nowMs)
        {
            if (door.Debounce(_sensors.ReadOpen(door.Number), nowMs, _timing.DebounceMs))
            {
                if (door.Open) OnOpened(door, nowMs);
                else OnClosed(door);
            }

            if (door.State == DoorState.Unlocking) CheckConfirmDeadline(door, nowMs);
            bool openState = door.State == DoorState.Open || door.State == DoorState.Forced;
            if (openState && !door.LeftOpenReported && nowMs - door.OpenSinceMs >= _timing.LeftOpenMs)
            {
                door.LeftOpenReported = true;
                door.State = DoorState.LeftOpen;
                Raise(door.Number, DoorEventKind.LeftOpen, "", nowMs - door.OpenSinceMs);
            }
        }

        private void OnOpened(CompartmentDoor door, long nowMs)
        {
            door.OpenSinceMs = door.CandidateSinceMs;
            door.LeftOpenReported = false;
            if (door.State == DoorState.Unlocking)
            {
                // The latch is released and the door is open: holding the coil longer only heats it.
                if (_active == door) SwitchOff(nowMs);
                door.State = DoorState.Open;
                Raise(door.Number, DoorEventKind.Opened, door.Reference, door.OpenSinceMs - door.PulseStartMs);
                return;
            }

            string cancelled = "";
            if (door.State == DoorState.UnlockQueued)
            {
                _queue.Remove(door);
                cancelled = door.Reference;
            }

            door.State = DoorState.Forced;
            Raise(door.Number, DoorEventKind.Forced, cancelled, 0);
        }

        private void OnClosed(CompartmentDoor door)
        {
            long openFor = door.CandidateSinceMs - door.OpenSinceMs;
            door.State = DoorState.Locked;
            door.LeftOpenReported = false;
            door.Reference = "";
            Raise(door.Number, DoorEventKind.Closed, "", openFor);
        }

        private void CheckConfirmDeadline(CompartmentDoor door, long nowMs)
        {
            long deadline = door.PulseStartMs + _timing.OpenConfirmMs;
            if (nowMs < deadline) return;

            // An opening seen before the deadline but still being debounced gets the benefit of the doubt.
            if (door.CandidateOpen && door.CandidateSinceMs <= deadline) return;
            if (_active == door) SwitchOff(nowMs);
            door.State = DoorState.Jammed;
            Raise(door.Number, DoorEventKind.Jammed, door.Reference, _timing.OpenConfirmMs);
        }

        private void StartNextPulse(long nowMs)
        {
            if (_active != null || _queue.Count == 0 || nowMs - _lastPulseEndMs < _timing.MinGapMs) return;
            CompartmentDoor door = (CompartmentDoor)_queue[0]!;
            _queue.RemoveAt(0);
            door.State = DoorState.Unlocking;
            door.PulseStartMs = nowMs;
            _active = door;
            _pulseEndMs = nowMs + door.PulseMs;
            try
            {
                _guard.Energise(door.Number, door.PulseMs, nowMs);
            }
            catch (Exception)
            {
                OnOutputFault(door, nowMs);
                return;
            }

            Raise(door.Number, DoorEventKind.UnlockStarted, door.Reference, door.PulseMs);
        }

        // Returns when the coil was released: now, or earlier when the guard's timer got there first.
        private long SwitchOff(long nowMs)
        {
            CompartmentDoor? door = _active;
            if (door == null) return nowMs;
            _active = null;
            _lastPulseEndMs = nowMs;
            try
            {
                return _guard.Release(door.Number, nowMs);
            }
            catch (Exception)
            {
                OnOutputFault(door, nowMs);
                return nowMs;
            }
        }

        private void OnOutputFault(CompartmentDoor door, long nowMs)
        {
            _active = null;
            _lastPulseEndMs = nowMs;
            try
            {
                _guard.AllOff(nowMs);
            }
            catch (Exception)
            {
                // Nothing more the core can do; the event below tells the host, which may reboot.
            }

            Raise(door.Number, DoorEventKind.OutputFault, door.Reference, 0);
        }

        private CompartmentDoor? Find(int compartment)
        {
            if (compartment < 1 || compartment > MaxCompartmentNumber) return null;
            int index = _indexByNumber[compartment];
            return index < 0 ? null : _doors[index];
        }

        private CompartmentDoor Require(int compartment)
        {
            CompartmentDoor? door = Find(compartment);
            if (door == null) throw new ArgumentOutOfRangeException(nameof(compartment), "no compartment " + compartment + " on this board");
            return door;
        }

        private void Raise(int compartment, DoorEventKind kind, string reference, long detail)
        {
            DoorEventHandler? handler = DoorEvent;
            if (handler != null) handler(compartment, kind, reference, detail);
        }
    }
}
