using System;
using Lockers.Core.Json;
using Lockers.Core.Ports;
using Lockers.Core.Protocol;

namespace Lockers.Core.Commands
{
    /// <summary>
    /// The locker's gate for commands. Checks, in this order: the payload parses and meets the rules
    /// (malformed), it names this locker (wrong_locker), the signature matches (bad_signature), the
    /// counter is above the last accepted one (replay), the wall clock is set (no_time) and not past
    /// the expiry (expired). An accepted command's counter is written to storage before the verdict
    /// returns, so a command can never run twice, even across a reboot. Thread-safe.
    /// </summary>
    public sealed class CommandVerifier
    {
        /// <summary>Storage key of the last accepted counter (ASCII decimal).</summary>
        public const string CounterKey = "cmd.counter";

        private readonly object _gate = new object();
        private readonly string _lockerId;
        private readonly CommandSigner _signer;
        private readonly IClock _clock;
        private readonly IStorage _storage;
        private long _lastCounter;

        /// <summary>A verifier for <paramref name="lockerId"/> with its command key; loads the last accepted counter.</summary>
        public CommandVerifier(string lockerId, byte[] key, IClock clock, IStorage storage)
        {
            _lockerId = lockerId;
            _signer = new CommandSigner(key);
            _clock = clock;
            _storage = storage;
            _lastCounter = LoadCounter();
        }

        /// <summary>The highest counter accepted so far (0 before the first command).</summary>
        public long LastAcceptedCounter
        {
            get
            {
                lock (_gate)
                {
                    return _lastCounter;
                }
            }
        }

        /// <summary>
        /// True when the stored counter could not be read at start-up and counting restarted from 0.
        /// Replays are then limited by expiry alone until the next command is accepted.
        /// </summary>
        public bool CounterWasUnreadable { get; private set; }

        /// <summary>Decides about one payload received on the locker's cmd topic.</summary>
        public CommandVerdict Verify(byte[] payload)
        {
            SignedCommand command;
            try
            {
                command = SignedCommand.Parse(payload);
            }
            catch (JsonException)
            {
                return CommandVerdict.Refuse(RefusalReasons.Malformed, ReadableId(payload), null);
            }

            if (command.LockerId != _lockerId)
            {
                return CommandVerdict.Refuse(RefusalReasons.WrongLocker, command.CommandId, command);
            }

            if (!SignatureMatches(command))
            {
                return CommandVerdict.Refuse(RefusalReasons.BadSignature, command.CommandId, command);
            }

            lock (_gate)
            {
                return CheckFreshnessAndSave(command);
            }
        }

        private CommandVerdict CheckFreshnessAndSave(SignedCommand command)
        {
            if (command.Counter <= _lastCounter)
            {
                return CommandVerdict.Refuse(RefusalReasons.Replay, command.CommandId, command);
            }

            if (!_clock.HasWallTime)
            {
                return CommandVerdict.Refuse(RefusalReasons.NoTime, command.CommandId, command);
            }

            if (UnixTime.ToUnixSeconds(_clock.UtcNow) > command.ExpiresAt)
            {
                return CommandVerdict.Refuse(RefusalReasons.Expired, command.CommandId, command);
            }

            try
            {
                _storage.Write(CounterKey, StoredNumber.ToBytes(command.Counter));
            }
            catch (Exception)
            {
                // Not saved means it could run again after a reboot: do not run it at all.
                return CommandVerdict.Refuse(RefusalReasons.StorageError, command.CommandId, command);
            }

            _lastCounter = command.Counter;
            return CommandVerdict.Accept(command);
        }

        private bool SignatureMatches(SignedCommand command)
        {
            byte[] claimed;
            try
            {
                claimed = Convert.FromBase64String(command.Signature);
            }
            catch (Exception)
            {
                // Not base64 (the exception type differs between .NET and nanoFramework).
                return false;
            }

            return FixedTime.AreEqual(_signer.ComputeSignature(command), claimed);
        }

        private long LoadCounter()
        {
            byte[] stored = _storage.Read(CounterKey);
            if (stored == null)
            {
                return 0;
            }

            if (StoredNumber.TryParse(stored, out long counter) && counter >= 0)
            {
                return counter;
            }

            CounterWasUnreadable = true;
            return 0;
        }

        // A malformed command still gets an answer naming it when its id is readable.
        private static string ReadableId(byte[] payload)
        {
            try
            {
                return JsonParser.ParseObjectUtf8(payload).GetString(Fields.Id, "");
            }
            catch (JsonException)
            {
                return "";
            }
        }
    }
}
