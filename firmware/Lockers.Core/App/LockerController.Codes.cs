using Lockers.Core.Doors;
using Lockers.Core.Ports;
using Lockers.Core.Protocol;
using Lockers.Core.Texts;

namespace Lockers.Core.App
{
    /// <summary>
    /// Code entries: each is answered only while its person is taken to still be at the locker (config answerS); when the
    /// gateway has not answered within offlineAfterS (at once while the link is down) the locker checks the code against
    /// its offline cache and, on a match, opens the door itself and journals code_offline (docs/adr/0018, 0019).
    /// Everything here runs under the controller's lock.
    /// </summary>
    public sealed partial class LockerController
    {
        /// <summary>
        /// Code entry ids are boot * this + a count from 1 (wrapping below it): the n-th code entered in boot b is
        /// b * 1,000,000 + n, so an answer meant for an entry of an earlier boot never matches one of this boot.
        /// </summary>
        public const long EntryIdsPerBoot = 1000000;

        /// <summary>The door controller's reference for a door opened from the offline cache (no command waits for it).</summary>
        internal const string OfflineUnlockReference = "offline";

        private const int MaxOfflineUnlocks = 4;

        // Doors being opened from the offline cache, with the cached code each spends once the door confirms it opened.
        private readonly int[] _offlineCompartments = new int[MaxOfflineUnlocks];
        private readonly long[] _offlineRefs = new long[MaxOfflineUnlocks];
        private int _offlineUnlocks;

        private void OnCodeEntered(string source, string reader, string code)
        {
            long now = _ports.Clock.UptimeMs;
            bool fromScanner = source == CodeSources.Qr;
            long entry = _entries!.Open(reader, fromScanner, code, now);
            Record(_event.RefillCodeEntered(source, reader, code, entry, _entries.AnswerMs));
            _ports.Feedback.ShowText(_messages.Text(MessageKeys.Checking));
            HoldDisplay(_entries.AnswerMs);
            if (!_online)
            {
                // Nobody can answer: check the cache now rather than keep the person waiting.
                int slot = _entries.IndexOf(entry);
                _entries.MarkOfflineChecked(slot);
                CheckOffline(slot, now);
            }
        }

        // From Poll: entries the gateway left unanswered are checked offline, then given up at the end of their window.
        private void PollEntries(long now)
        {
            for (int slot = _entries!.NextDueOffline(now); slot >= 0; slot = _entries.NextDueOffline(now))
            {
                CheckOffline(slot, now);
            }

            for (int slot = _entries.NextExpired(now); slot >= 0; slot = _entries.NextExpired(now))
            {
                _entries.Release(slot);
                Tell(_messages.Text(_online ? MessageKeys.TooLate : MessageKeys.CannotCheck));
            }
        }

        private void CheckOffline(int slot, long now)
        {
            if (!_ports.Clock.HasWallTime)
            {
                return; // Without a clock the cache's expiries mean nothing: only the gateway can answer.
            }

            bool fromScanner = _entries!.FromScannerAt(slot);
            if (!fromScanner)
            {
                long wait = _offlineThrottle.RemainingMs(now);
                if (wait > 0)
                {
                    _entries.Release(slot);
                    Tell(_messages.Format(MessageKeys.Throttled, (wait + 999) / 1000));
                    return;
                }
            }

            int found = _offlineCodes!.Find(_entries.CodeAt(slot), fromScanner, UnixTime.ToUnixSeconds(_ports.Clock.UtcNow));
            if (found < 0)
            {
                // Unknown here; the gateway may still know it (a parcel booked since the last push), so the entry waits on.
                if (!fromScanner) _offlineThrottle.RecordFailure(now);
                return;
            }

            if (!fromScanner) _offlineThrottle.Reset();
            OpenOffline(slot, found);
        }

        private void OpenOffline(int slot, int found)
        {
            int compartment = _offlineCodes!.CompartmentAt(found);
            long codeRef = _offlineCodes.RefAt(found);
            long entry = _entries!.IdAt(slot);
            string reader = _entries.ReaderAt(slot);
            string source = _entries.FromScannerAt(slot) ? CodeSources.Qr : CodeSources.Keypad;
            _entries.Release(slot);
            if (_commands!.LockerOutOfService)
            {
                Tell(_messages.Text(MessageKeys.OutOfService));
                return;
            }

            UnlockResult result = _doors!.RequestUnlock(compartment, OfflineUnlockReference);
            switch (result)
            {
                case UnlockResult.Queued:
                case UnlockResult.AlreadyInProgress:
                    // Journaled before the door can report opening, so the gateway reconciles the opening with this code.
                    Record(LockerEvent.CodeOffline(entry, source, reader, codeRef, compartment));
                    TrackOfflineUnlock(compartment, codeRef);
                    _ports.Feedback.ShowText(_messages.Text(MessageKeys.DoorOpening));
                    HoldDisplay();
                    break;
                case UnlockResult.AlreadyOpen:
                    _ports.Feedback.ShowText(_messages.Format(MessageKeys.DoorOpened, compartment));
                    HoldDisplay();
                    break;
                case UnlockResult.OutOfService:
                    Tell(_messages.Text(MessageKeys.OutOfService));
                    break;
                default:
                    Tell(_messages.Text(MessageKeys.CannotCheck));
                    break;
            }
        }

        // From OnDoorEvent: a door opened from the cache spends its code; one that did not open leaves it valid.
        private void OfflineDoorOutcome(int compartment, DoorEventKind kind)
        {
            bool opened = kind == DoorEventKind.Opened;
            if (!opened && DoorEventNames.UnlockFailureReason(kind).Length == 0) return;
            for (int i = 0; i < _offlineUnlocks; i++)
            {
                if (_offlineCompartments[i] != compartment) continue;
                if (opened) _offlineCodes!.Spend(_offlineRefs[i]);
                _offlineUnlocks--;
                _offlineCompartments[i] = _offlineCompartments[_offlineUnlocks];
                _offlineRefs[i] = _offlineRefs[_offlineUnlocks];
                i--;
            }
        }

        private void TrackOfflineUnlock(int compartment, long codeRef)
        {
            if (_offlineUnlocks == MaxOfflineUnlocks)
            {
                // Four doors opening offline at once cannot happen with one solenoid at a time; drop the oldest.
                _offlineUnlocks--;
                for (int i = 0; i < _offlineUnlocks; i++)
                {
                    _offlineCompartments[i] = _offlineCompartments[i + 1];
                    _offlineRefs[i] = _offlineRefs[i + 1];
                }
            }

            _offlineCompartments[_offlineUnlocks] = compartment;
            _offlineRefs[_offlineUnlocks++] = codeRef;
        }

        // A refusal the person must read: shown with the error beep, held for the usual time.
        private void Tell(string text)
        {
            _ports.Feedback.ShowText(text);
            _ports.Feedback.Beep(BeepKind.Error);
            HoldDisplay();
        }
    }
}
