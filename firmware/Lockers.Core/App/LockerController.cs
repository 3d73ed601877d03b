using System;
using Lockers.Core.Acks;
using Lockers.Core.Board;
using Lockers.Core.Commands;
using Lockers.Core.Config;
using Lockers.Core.Doors;
using Lockers.Core.Journal;
using Lockers.Core.Keypad;
using Lockers.Core.Offline;
using Lockers.Core.Protocol;
using Lockers.Core.Scanner;
using Lockers.Core.Texts;
using Lockers.Core.Watchdog;

namespace Lockers.Core.App
{
    /// <summary>
    /// The locker's brain: composes the door controller, keypad entry, scanner reader, command verifier,
    /// event journal and watchdog over the host's ports. The host calls <see cref="Start"/> once, then
    /// <see cref="Poll"/> from its main loop every 10-20 ms, and a timer calls <see cref="CheckWatchdog"/>.
    /// Port events (keys, scanner bytes, MQTT messages, acks, link state) are attached in Start and may
    /// arrive on any thread: one internal lock serialises everything, and nothing inside blocks.
    /// </summary>
    public sealed partial class LockerController
    {
        /// <summary>
        /// How long a message (checking, door open, refused) stays on the display before "ready" returns, or the resting
        /// text the gateway asked to keep (a courier round's step, ADR 0311) while it lasts.
        /// </summary>
        public const long DisplayHoldMs = 10000;

        private readonly object _gate = new object();
        private readonly DeviceConfig _config;
        private readonly BoardDefinition _board;
        private readonly LockerPorts _ports;
        private readonly string _firmware;
        private readonly string _eventTopic;
        private readonly string _statusTopic;
        private readonly string _commandTopic;
        private readonly string _ackTopic;
        private readonly PublishTracker _ownPublishes = new PublishTracker();
        private readonly ResultOutbox _results;
        private readonly TelemetryReporter _telemetry;
        private readonly KeypadEntry _keypad;
        private readonly ScannerLineReader _scanner;
        private readonly DisplayMessages _messages;
        // Refilled for every code and door event (under the lock): Record hands it to the journal, which stamps
        // and serialises it and keeps nothing, so one instance serves them all.
        private readonly LockerEvent _event = new LockerEvent();
        private PulseGuard? _pulses;
        private DoorController? _doors;
        private CommandRunner? _commands;
        private EventJournal? _journal;
        private CommandVerifier? _verifier;
        private AckVerifier? _acks;
        private SoftwareWatchdog? _watchdog;
        private PendingCodeEntries? _entries;
        private OfflineCodeCache? _offlineCodes;
        private readonly OfflineThrottle _offlineThrottle = new OfflineThrottle();
        private long _reportedDropped;
        private readonly DisplayRest _display = new DisplayRest();
        // The controller's view of the link: true from its OnConnected (birth published) to its OnDisconnected.
        // Nothing else is published outside that window, so the birth always comes first.
        private bool _online;
        private bool _started;
        private bool _stopped;

        /// <summary>Prepares the controller; nothing touches the hardware or the link until <see cref="Start"/>.</summary>
        public LockerController(DeviceConfig config, BoardDefinition board, LockerPorts ports, string firmwareVersion)
        {
            if (config == null) throw new ArgumentNullException(nameof(config));
            if (board == null) throw new ArgumentNullException(nameof(board));
            if (ports == null) throw new ArgumentNullException(nameof(ports));
            _config = config;
            _board = board;
            _ports = ports;
            _firmware = firmwareVersion == null ? "" : firmwareVersion;
            _eventTopic = Topics.Event(config.LockerId);
            _statusTopic = Topics.Status(config.LockerId);
            _commandTopic = Topics.Command(config.LockerId);
            _ackTopic = Topics.Ack(config.LockerId);
            _results = new ResultOutbox(Topics.CommandResult(config.LockerId), _ownPublishes);
            _telemetry = new TelemetryReporter(Topics.Telemetry(config.LockerId), config.TelemetryS, _firmware);
            _keypad = new KeypadEntry(ports.Feedback);
            _scanner = new ScannerLineReader(ports.Clock);
            _messages = new DisplayMessages(config.Language);
        }

        /// <summary>The display's texts, in the locker's language (device config <c>language</c>).</summary>
        public DisplayMessages Messages => _messages;

        /// <summary>The locker's id.</summary>
        public string LockerId => _config.LockerId;

        /// <summary>The firmware version reported in the birth message and telemetry.</summary>
        public string FirmwareVersion => _firmware;

        /// <summary>This start's number (1 on the first start); 0 before <see cref="Start"/>.</summary>
        public long BootCount { get; private set; }

        /// <summary>Events stored and not yet confirmed by the gateway (its signed ack).</summary>
        public int JournalDepth
        {
            get { lock (_gate) return _journal == null ? 0 : _journal.Depth; }
        }

        /// <summary>Journaled events published and not yet acknowledged by the broker (its PUBACK frees their slots).</summary>
        public int EventsAwaitingBroker
        {
            get { lock (_gate) return _journal == null ? 0 : _journal.InFlight; }
        }

        /// <summary>The sequence number the next event will get.</summary>
        public long NextEventSeq
        {
            get { lock (_gate) return _journal == null ? 0 : _journal.NextSeq; }
        }

        /// <summary>The epoch the journal numbers events in ("" before <see cref="Start"/> or for legacy numbering).</summary>
        public string EventEpoch
        {
            get { lock (_gate) return _journal == null ? "" : _journal.Epoch; }
        }

        /// <summary>Messages on the ack channel refused since start: unreadable, or signed with another key (never from the gateway).</summary>
        public int RefusedAcks { get; private set; }

        /// <summary>The controller's view of a door (locked before <see cref="Start"/>); throws ArgumentOutOfRangeException for an unknown compartment.</summary>
        public DoorState GetDoorState(int compartment)
        {
            lock (_gate)
            {
                if (_doors != null) return _doors.GetState(compartment);
                if (_board.FindCompartment(compartment) == null) throw new ArgumentOutOfRangeException(nameof(compartment));
                return DoorState.Locked;
            }
        }

        /// <summary>
        /// Starts the locker: every solenoid off first, then the door controller takes over, the boot is
        /// journaled, port events are attached, and if the link is already up the birth is published and the
        /// command topic subscribed. Calling it twice does nothing.
        /// </summary>
        public void Start()
        {
            lock (_gate)
            {
                if (_started) return;
                _started = true;
                _ports.Solenoids.AllOff();
                long now = _ports.Clock.UptimeMs;
                DoorTiming doorTiming = DoorTiming.FromBoard(_board);
                _pulses = new PulseGuard(_ports.Solenoids, _ports.PulseTimer, _ports.Clock);
                _doors = new DoorController(_board.CompartmentNumbers, doorTiming, _pulses, _ports.DoorSensors, now);
                _doors.DoorEvent += OnDoorEvent;
                _journal = new EventJournal(_ports.Storage, _ports.Clock);
                _reportedDropped = _journal.Dropped;
                _verifier = new CommandVerifier(_config.LockerId, _config.CommandKey, _ports.Clock, _ports.Storage);
                _acks = new AckVerifier(_config.LockerId, _config.CommandKey);
                _watchdog = new SoftwareWatchdog(_ports.System, now);
                BootCount = BootCounter.Increment(_ports.Storage);
                _entries = new PendingCodeEntries(BootCount, _config.AnswerS * 1000L, _config.OfflineAfterS * 1000L);
                _offlineCodes = new OfflineCodeCache(_config.CommandKey, _ports.Storage);
                _commands = new CommandRunner(_doors, _keypad, _ports.Feedback, _messages, _display, _config.KeypadId, _config.ScannerId, _entries, _offlineCodes);
                _keypad.CodeEntered += OnKeypadCode;
                _scanner.LineRead += OnScannedLine;
                AttachPorts();
                // The doors as the reed switches show them now: the gateway's picture of every door starts from this.
                Record(LockerEvent.Boot(_firmware, BootCount, OpenDoorsNow()));
                ReportStorageProblems();
                _ports.Feedback.ShowText(_messages.Text(MessageKeys.Ready));
                if (_ports.Link.IsConnected) OnConnected();
                else _ports.Feedback.SetLed(Ports.LedState.SlowBlink);
            }
        }

        /// <summary>
        /// One pass of the main loop at the clock's current uptime: doors, keypad timeout, telemetry, sending
        /// the journal, the watchdog feed. Call every 10-20 ms.
        /// </summary>
        public void Poll()
        {
            lock (_gate)
            {
                if (!_started || _stopped) return;
                long now = _ports.Clock.UptimeMs;
                _doors!.Poll(now);
                _keypad.Poll(now);
                PollEntries(now);
                ResetDisplayIfDue(now);
                _journal!.CheckAckTimeout(now);
                if (_online)
                {
                    _journal.SendPending(_ports.Link, _eventTopic);
                    _results.Flush(_ports.Link);
                    _telemetry.PublishIfDue(_ports.Link, _ports.System, _journal, now);
                }

                _watchdog!.Feed(now);
            }
        }

        // Under the lock. Damage found in flash at start-up is told to the gateway (an event, so it survives until confirmed).
        private void ReportStorageProblems()
        {
            string problems = _journal!.StorageProblems;
            if (_verifier!.CounterWasUnreadable)
            {
                string command = "the command counter is unreadable; replayed commands are refused by their expiry alone until the next one";
                problems = problems.Length == 0 ? command : problems + "; " + command;
            }

            if (problems.Length > 0)
            {
                Record(LockerEvent.StorageFault(problems));
            }
        }

        // Under the lock, at start-up: the compartments whose doors are open, in board order.
        private int[] OpenDoorsNow()
        {
            int[] numbers = _board.CompartmentNumbers;
            int count = 0;
            for (int i = 0; i < numbers.Length; i++)
            {
                if (_doors!.GetState(numbers[i]) == DoorState.Open) count++;
            }

            int[] open = new int[count];
            int next = 0;
            for (int i = 0; i < numbers.Length; i++)
            {
                if (_doors!.GetState(numbers[i]) == DoorState.Open) open[next++] = numbers[i];
            }

            return open;
        }

        /// <summary>Codes in the offline cache (0 before <see cref="Start"/>).</summary>
        public int OfflineCodeCount
        {
            get { lock (_gate) return _offlineCodes == null ? 0 : _offlineCodes.Count; }
        }

        /// <summary>The version of the offline code cache the gateway last pushed completely (0: none).</summary>
        public long OfflineCodeVersion
        {
            get { lock (_gate) return _offlineCodes == null ? 0 : _offlineCodes.Version; }
        }

        // Under the lock. A message shown for a person goes away once they have had time to read it.
        private void HoldDisplay() => HoldDisplay(DisplayHoldMs);

        private void HoldDisplay(long ms) => _display.Hold(_ports.Clock.UptimeMs, ms);

        // Back to the resting text while it lasts (a courier round's current step), else idle.
        private void ResetDisplayIfDue(long now)
        {
            if (!_display.IsDue(now)) return;
            string? resting = _display.TakeDue(now);
            _ports.Feedback.ShowText(resting != null
                ? resting
                : _messages.Text(_commands!.LockerOutOfService ? MessageKeys.OutOfService : MessageKeys.Ready));
        }

        /// <summary>For the host's watchdog timer: reboots through the system port when Poll has stalled. True when it tripped.</summary>
        public bool CheckWatchdog()
        {
            SoftwareWatchdog? watchdog;
            lock (_gate) watchdog = _watchdog;

            // Outside the lock on purpose: a stalled loop may be holding it.
            return watchdog != null && watchdog.Check(_ports.Clock.UptimeMs);
        }

        /// <summary>
        /// Detaches from the ports and switches every solenoid off. The journal stays in storage, so a new
        /// controller over the same storage carries on where this one stopped.
        /// </summary>
        public void Stop()
        {
            lock (_gate)
            {
                if (!_started || _stopped) return;
                _stopped = true;
                DetachPorts();
                _pulses!.AllOff(_ports.Clock.UptimeMs);
            }
        }
    }
}
