using Lockers.Core.Acks;
using Lockers.Core.Commands;
using Lockers.Core.Doors;
using Lockers.Core.Ports;
using Lockers.Core.Protocol;
using Lockers.Core.Texts;

namespace Lockers.Core.App
{
    /// <summary>The controller's reactions to port events; each takes the controller's lock.</summary>
    public sealed partial class LockerController
    {
        private void AttachPorts()
        {
            _ports.Keypad.KeyPressed += OnKey;
            _ports.Scanner.BytesReceived += OnScannerBytes;
            _ports.Link.MessageReceived += OnMqttMessage;
            _ports.Link.PublishAcked += OnPublishAcked;
            _ports.Link.StateChanged += OnLinkStateChanged;
        }

        private void DetachPorts()
        {
            _ports.Keypad.KeyPressed -= OnKey;
            _ports.Scanner.BytesReceived -= OnScannerBytes;
            _ports.Link.MessageReceived -= OnMqttMessage;
            _ports.Link.PublishAcked -= OnPublishAcked;
            _ports.Link.StateChanged -= OnLinkStateChanged;
        }

        private void OnKey(char key)
        {
            lock (_gate)
            {
                if (_stopped) return;
                // The echo ("***") is transient too: the resting text (or idle) comes back once typing stops. Held before
                // the key is handled, so a submitted code's own "checking" hold wins.
                HoldDisplay();
                _keypad.OnKey(key, _ports.Clock.UptimeMs);
            }
        }

        private void OnScannerBytes(byte[] buffer, int offset, int count)
        {
            lock (_gate)
            {
                if (!_stopped) _scanner.OnBytes(buffer, offset, count);
            }
        }

        private void OnMqttMessage(string topic, byte[] payload)
        {
            lock (_gate)
            {
                if (_stopped) return;
                if (topic == _ackTopic)
                {
                    OnAck(payload);
                    return;
                }

                if (topic != _commandTopic) return;
                CommandVerdict verdict = _verifier!.Verify(payload);
                if (!verdict.Accepted)
                {
                    Record(verdict.ToRefusedEvent());
                    SendResult(verdict.ToResult());
                    return;
                }

                SignedCommand command = verdict.Command!;
                CommandResultPayload? answer = _commands!.Run(command, _ports.Clock.UptimeMs);
                bool displayUntouched = command.Action == CommandActions.SyncCodes
                    || (answer != null && answer.Reason == CommandResults.TooLate);
                if (!displayUntouched) HoldDisplay();
                if (answer != null) SendResult(answer);
            }
        }

        private void OnPublishAcked(int messageId)
        {
            lock (_gate)
            {
                if (_stopped || _ownPublishes.TryAcknowledge(messageId)) return;
                if (_journal!.Acknowledge(messageId) && _online)
                {
                    // Room in the in-flight window: keep the replay moving without waiting for Poll.
                    _journal.SendPending(_ports.Link, _eventTopic);
                }
            }
        }

        // Under the lock. The gateway's signed ack: what it applied is deleted; a replay request sends the rest again.
        private void OnAck(byte[] payload)
        {
            AckVerdict verdict = _acks!.Verify(payload, _journal!.Epoch);
            if (verdict != AckVerdict.Accepted)
            {
                // Another epoch's ack is merely late; anything else was not written by the gateway and deletes nothing.
                if (verdict != AckVerdict.OtherEpoch) RefusedAcks++;
                return;
            }

            _journal.Confirm(_journal.Epoch, _acks.Seq, _acks.Replay);
            if (_online) _journal.SendPending(_ports.Link, _eventTopic);
        }

        private void OnLinkStateChanged(bool connected)
        {
            lock (_gate)
            {
                if (_stopped) return;
                if (connected) OnConnected();
                else OnDisconnected();
            }
        }

        // Under the lock. Birth first, so the gateway knows the locker is back before its replayed events.
        private void OnConnected()
        {
            if (!_ports.Link.IsConnected) return;
            _online = true;
            byte[] birth = StatusPayload.Online(_firmware, BootCount).ToJson();
            _ownPublishes.Track(_ports.Link.Publish(_statusTopic, birth, Channels.QosOf(Channels.Status), true));
            _ports.Link.Subscribe(_commandTopic, Channels.QosOf(Channels.Command));
            _ports.Link.Subscribe(_ackTopic, Channels.QosOf(Channels.Ack));
            if (_journal!.Dropped > _reportedDropped)
            {
                _reportedDropped = _journal.Dropped;
                Record(LockerEvent.JournalOverflow(_reportedDropped));
            }

            _journal.SendPending(_ports.Link, _eventTopic);
            _results.Flush(_ports.Link);
            _telemetry.DueNow();
            _telemetry.PublishIfDue(_ports.Link, _ports.System, _journal, _ports.Clock.UptimeMs);
            _ports.Feedback.SetLed(LedState.On);
        }

        private void OnDisconnected()
        {
            _online = false;
            _journal!.ConnectionLost();
            _ownPublishes.Clear();
            _ports.Feedback.SetLed(LedState.SlowBlink);
        }

        private void OnKeypadCode(string code) => OnCodeEntered(CodeSources.Keypad, _config.KeypadId, code);

        private void OnScannedLine(string line)
        {
            _ports.Feedback.Beep(BeepKind.Key);
            OnCodeEntered(CodeSources.Qr, _config.ScannerId, line);
        }

        // Raised by the door controller inside Poll or RequestUnlock, so already under the lock.
        private void OnDoorEvent(int compartment, DoorEventKind kind, string reference, long detail)
        {
            string state = DoorEventNames.ToProtocolState(kind);
            if (state.Length > 0) Record(_event.RefillDoor(compartment, state));
            OfflineDoorOutcome(compartment, kind);
            if (kind == DoorEventKind.Opened)
            {
                _ports.Feedback.ShowText(_messages.Format(MessageKeys.DoorOpened, compartment));
                HoldDisplay();
            }

            if (kind == DoorEventKind.Jammed || kind == DoorEventKind.Forced || kind == DoorEventKind.OutputFault)
            {
                _ports.Feedback.Beep(BeepKind.Alert);
            }

            if (reference.Length == 0) return;
            string outcome = DoorEventNames.UnlockFailureReason(kind);
            if (kind != DoorEventKind.Opened && outcome.Length == 0) return;
            if (kind == DoorEventKind.Jammed || kind == DoorEventKind.OutputFault)
            {
                // Whoever typed the code is still waiting at the door: say it did not open, and what to do.
                _ports.Feedback.ShowText(_messages.Format(MessageKeys.DoorDidNotOpen, compartment));
                HoldDisplay();
            }

            int answers = _commands!.DoorOutcome(compartment, outcome);
            for (int i = 0; i < answers; i++) SendResult(_commands.TakeAnswer(i));
        }

        // Under the lock. Stored first, then sent (if the link is up); a storage failure loses only this event.
        private void Record(LockerEvent e)
        {
            try
            {
                _journal!.Append(e);
            }
            catch (System.Exception)
            {
                UnjournaledEvents++;
                return;
            }

            if (_online) _journal.SendPending(_ports.Link, _eventTopic);
        }

        // Under the lock. Answers wait in the outbox while the link is down.
        private void SendResult(CommandResultPayload result)
        {
            _results.Add(result);
            if (_online) _results.Flush(_ports.Link);
        }

        /// <summary>Events lost because storage refused to journal them (a full or failing flash).</summary>
        public int UnjournaledEvents { get; private set; }
    }
}
