using System;
using Lockers.Core.Commands;
using Lockers.Core.Doors;
using Lockers.Core.Keypad;
using Lockers.Core.Offline;
using Lockers.Core.Ports;
using Lockers.Core.Protocol;
using Lockers.Core.Texts;

namespace Lockers.Core.App
{
    /// <summary>
    /// Carries out verified commands. Most answer at once; an unlock answers when the door controller
    /// reports the outcome (opened: ok; jammed, forced or an output fault: failed), so the gateway learns
    /// whether the door really opened. A command naming a code entry runs only while that entry still waits
    /// within its answer window (else failed/too_late, and nothing changes: the person has gone). Not
    /// thread-safe: the controller's lock covers it.
    /// </summary>
    internal sealed class CommandRunner
    {
        private readonly DoorController _doors;
        private readonly KeypadEntry _keypad;
        private readonly IFeedbackPort _feedback;
        private readonly DisplayMessages _messages;
        private readonly DisplayRest _display;
        private readonly string _keypadId;
        private readonly string _scannerId;
        private readonly PendingCodeEntries _entries;
        private readonly OfflineCodeCache _codes;
        // Command ids waiting for a door's outcome, in arrival order, beside their compartment numbers: two small
        // arrays rather than a Hashtable of ArrayLists, which allocated a list and boxed keys for every unlock.
        private int[] _waitingCompartments = new int[4];
        private string[] _waitingIds = new string[4];
        private int _waitingCount;
        // The answers of the last DoorOutcome, taken one by one by the controller.
        private CommandResultPayload[] _answers = new CommandResultPayload[4];

        public CommandRunner(
            DoorController doors, KeypadEntry keypad, IFeedbackPort feedback, DisplayMessages messages, DisplayRest display, string keypadId,
            string scannerId, PendingCodeEntries entries, OfflineCodeCache codes)
        {
            _messages = messages;
            _display = display;
            _entries = entries;
            _codes = codes;
            _doors = doors;
            _keypad = keypad;
            _feedback = feedback;
            _keypadId = keypadId;
            _scannerId = scannerId;
        }

        /// <summary>True while the whole locker is out of service (compartment 0).</summary>
        public bool LockerOutOfService { get; private set; }

        /// <summary>Runs an accepted command at uptime <paramref name="nowMs"/>; returns its answer, or null when it comes later (an unlock).</summary>
        public CommandResultPayload? Run(SignedCommand command, long nowMs)
        {
            string action = command.Action;
            if (action == CommandActions.SyncCodes) return SyncCodes(command);
            if (action == CommandActions.OutOfService) return SetOutOfService(command);
            if (command.Entry != 0 && !_entries.TryAnswer(command.Entry, nowMs))
            {
                // The person who entered the code has gone (or the locker already answered them): an unlock now
                // would open the door for whoever stands there, a message would confuse them.
                return CommandResultPayload.Failed(command.CommandId, CommandResults.TooLate);
            }

            if (action == CommandActions.Unlock) return Unlock(command);
            if (action == CommandActions.ShowMessage) return ShowMessage(command);
            if (action == CommandActions.ShowMessageKey) return ShowMessageKey(command, nowMs);
            if (action == CommandActions.Deny) return Deny(command);
            return CommandResultPayload.Failed(command.CommandId, CommandResults.Unsupported);
        }

        /// <summary>
        /// A door reported an unlock outcome: the commands that waited for it are answered, in arrival order, and their
        /// answers wait in <see cref="TakeAnswer"/> (slots 0 to the count returned, possibly 0); <paramref name="reason"/> is
        /// "" for success or a failure reason. The answers' slots are reused (no array per door event, ADR 0005).
        /// </summary>
        public int DoorOutcome(int compartment, string reason)
        {
            int answered = 0;
            int kept = 0;
            for (int i = 0; i < _waitingCount; i++)
            {
                string id = _waitingIds[i];
                if (_waitingCompartments[i] == compartment)
                {
                    if (answered == _answers.Length) _answers = Grown(_answers);
                    _answers[answered++] = reason.Length == 0 ? CommandResultPayload.Ok(id) : CommandResultPayload.Failed(id, reason);
                    continue;
                }

                // The other doors' entries close up behind.
                _waitingCompartments[kept] = _waitingCompartments[i];
                _waitingIds[kept++] = id;
            }

            for (int i = kept; i < _waitingCount; i++) _waitingIds[i] = null!;
            _waitingCount = kept;
            return answered;
        }

        /// <summary>The answer in <paramref name="slot"/> from the last <see cref="DoorOutcome"/>; the slot is emptied.</summary>
        public CommandResultPayload TakeAnswer(int slot)
        {
            CommandResultPayload answer = _answers[slot];
            _answers[slot] = null!;
            return answer;
        }

        private static CommandResultPayload[] Grown(CommandResultPayload[] answers)
        {
            var grown = new CommandResultPayload[answers.Length * 2];
            Array.Copy(answers, grown, answers.Length);
            return grown;
        }

        private CommandResultPayload? Unlock(SignedCommand command)
        {
            // "on" in an unlock is maintenance's override: staff open a door that is out of service (remote open, a
            // parcel moved out of a broken compartment). An unlock answering a code never carries it.
            bool staffOverride = command.On;
            if (LockerOutOfService && !staffOverride)
            {
                _feedback.ShowText(_messages.Format(MessageKeys.DoorOutOfService, command.Compartment));
                return CommandResultPayload.Failed(command.CommandId, CommandResults.OutOfService);
            }

            UnlockResult result = _doors.RequestUnlock(command.Compartment, command.CommandId, 0, staffOverride);
            switch (result)
            {
                case UnlockResult.Queued:
                case UnlockResult.AlreadyInProgress:
                    // A second unlock for a door already being opened shares the first one's outcome.
                    Wait(command.Compartment, command.CommandId);
                    _feedback.ShowText(_messages.Text(MessageKeys.DoorOpening));
                    return null;
                case UnlockResult.AlreadyOpen:
                    return CommandResultPayload.Ok(command.CommandId);
                case UnlockResult.OutOfService:
                    _feedback.ShowText(_messages.Format(MessageKeys.DoorOutOfService, command.Compartment));
                    return CommandResultPayload.Failed(command.CommandId, CommandResults.OutOfService);
                default:
                    return CommandResultPayload.Failed(command.CommandId, CommandResults.UnknownTarget);
            }
        }

        private CommandResultPayload SetOutOfService(SignedCommand command)
        {
            if (command.Compartment == 0)
            {
                LockerOutOfService = command.On;
                int[] all = _doors.Compartments;
                for (int i = 0; i < all.Length; i++)
                {
                    _doors.SetOutOfService(all[i], command.On);
                }

                _keypad.Reset();
                // Whatever the gateway had resting on the display (a courier round) is over either way.
                _display.EndRest();
                _feedback.ShowText(_messages.Text(command.On ? MessageKeys.OutOfService : MessageKeys.Ready));
                return CommandResultPayload.Ok(command.CommandId);
            }

            return _doors.SetOutOfService(command.Compartment, command.On)
                ? CommandResultPayload.Ok(command.CommandId)
                : CommandResultPayload.Failed(command.CommandId, CommandResults.UnknownTarget);
        }

        private CommandResultPayload ShowMessage(SignedCommand command)
        {
            if (!IsOurReader(command.Reader))
            {
                return CommandResultPayload.Failed(command.CommandId, CommandResults.UnknownTarget);
            }

            _display.EndRest();
            _feedback.ShowText(command.Text);
            return CommandResultPayload.Ok(command.CommandId);
        }

        // The gateway names the text; the locker shows it in its own language, with glyphs its display has. With a resting
        // time (retry_after_s, ADR 0311) the text is what the display returns to after transient messages until then; without
        // one it replaces any resting text and shows for the usual hold, then idle, as before.
        private CommandResultPayload ShowMessageKey(SignedCommand command, long nowMs)
        {
            if (!IsOurReader(command.Reader))
            {
                return CommandResultPayload.Failed(command.CommandId, CommandResults.UnknownTarget);
            }

            string? text = _messages.FromWire(command.Text);
            if (text == null)
            {
                return CommandResultPayload.Failed(command.CommandId, CommandResults.Unsupported);
            }

            if (command.RetryAfterS > 0) _display.Rest(text, nowMs, command.RetryAfterS * 1000L);
            else _display.EndRest();
            _feedback.ShowText(text);
            return CommandResultPayload.Ok(command.CommandId);
        }

        private CommandResultPayload Deny(SignedCommand command)
        {
            if (!IsOurReader(command.Reader))
            {
                return CommandResultPayload.Failed(command.CommandId, CommandResults.UnknownTarget);
            }

            // Whatever the next person types starts from an empty entry.
            _keypad.Reset();
            _feedback.ShowText(command.RetryAfterS > 0 ? _messages.Format(MessageKeys.Throttled, command.RetryAfterS) : _messages.Text(MessageKeys.CodeRefused));
            _feedback.Beep(BeepKind.Error);
            return CommandResultPayload.Ok(command.CommandId);
        }

        private CommandResultPayload SyncCodes(SignedCommand command)
        {
            string failure = _codes.ApplyPart(command.Version, command.Part, command.Parts, command.Codes);
            return failure.Length == 0 ? CommandResultPayload.Ok(command.CommandId) : CommandResultPayload.Failed(command.CommandId, failure);
        }

        private bool IsOurReader(string reader) => reader == _keypadId || reader == _scannerId;

        private void Wait(int compartment, string commandId)
        {
            if (_waitingCount == _waitingIds.Length)
            {
                var compartments = new int[_waitingCount * 2];
                var ids = new string[compartments.Length];
                Array.Copy(_waitingCompartments, compartments, _waitingCount);
                Array.Copy(_waitingIds, ids, _waitingCount);
                _waitingCompartments = compartments;
                _waitingIds = ids;
            }

            _waitingCompartments[_waitingCount] = compartment;
            _waitingIds[_waitingCount++] = commandId;
        }
    }
}
