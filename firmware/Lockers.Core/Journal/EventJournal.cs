using System;
using Lockers.Core.Json;
using Lockers.Core.Ports;
using Lockers.Core.Protocol;

namespace Lockers.Core.Journal
{
    /// <summary>
    /// The locker's event journal in flash. Every event gets the next (epoch, seq) identity and is stored (one key per
    /// event) before anything is sent; it stays until the gateway confirms it applied it (<see cref="Confirm"/>, a signed
    /// ack on the ack channel), never merely because the broker acknowledged the publish. What is unconfirmed is sent
    /// again, oldest first, after a reconnect, when the gateway asks for a replay (it saw a gap), and when no confirmation
    /// came within the ack timeout (which doubles while nothing is confirmed, up to <see cref="MaxAckTimeoutMs"/>). The
    /// journal is bounded: when full it drops the oldest event and counts it in <see cref="Dropped"/> (persistent; the
    /// controller reports it in telemetry and a journal_overflow event). Sequence numbers survive reboots and are never
    /// reused within an epoch; a new epoch starts only when the numbering cannot be proven (see <see cref="JournalRecovery"/>).
    /// Thread-safe: acks may arrive on any thread. docs/adr/0011-journal-until-the-gateway-acknowledges.md.
    /// </summary>
    public sealed class EventJournal
    {
        /// <summary>Events kept when no capacity is given.</summary>
        public const int DefaultCapacity = 200;

        /// <summary>Unacknowledged publishes allowed at once when none is given.</summary>
        public const int DefaultMaxInFlight = 8;

        /// <summary>How long a published event waits for the gateway's ack before the journal sends it again (first time).</summary>
        public const long DefaultAckTimeoutMs = 30000;

        /// <summary>The longest wait between resends while the gateway confirms nothing (8 minutes).</summary>
        public const long MaxAckTimeoutMs = 480000;

        private readonly object _gate = new object();
        private readonly IStorage _storage;
        private readonly IClock _clock;
        private readonly JournalEntries _entries = new JournalEntries();
        private readonly JournalInFlight _inFlight = new JournalInFlight();
        // Reused for every event's JSON (under the lock), so an append allocates the stored bytes, not a writer.
        private readonly JsonWriter _json = new JsonWriter();
        private readonly string _epoch;
        private readonly byte[] _epochAscii;
        private readonly long _baseAckTimeoutMs;
        private long _nextSeq;
        private long _dropped;
        private bool _sending;
        // Uptime at which unconfirmed events are sent again (-1: nothing sent waits), and the wait after that one.
        private long _resendAtMs = -1;
        private long _ackTimeoutMs;

        /// <summary>A journal of <see cref="DefaultCapacity"/> events.</summary>
        public EventJournal(IStorage storage, IClock clock)
            : this(storage, clock, DefaultCapacity, DefaultMaxInFlight, DefaultAckTimeoutMs)
        {
        }

        /// <summary>Opens the journal in <paramref name="storage"/>, recovering what an earlier boot left.</summary>
        public EventJournal(IStorage storage, IClock clock, int capacity, int maxInFlight)
            : this(storage, clock, capacity, maxInFlight, DefaultAckTimeoutMs)
        {
        }

        /// <summary>As above, with the first ack timeout in milliseconds (at least 1).</summary>
        public EventJournal(IStorage storage, IClock clock, int capacity, int maxInFlight, long ackTimeoutMs)
        {
            if (capacity < 1 || maxInFlight < 1 || ackTimeoutMs < 1)
            {
                throw new ArgumentException("capacity, maxInFlight and ackTimeoutMs must be at least 1");
            }

            _storage = storage;
            _clock = clock;
            Capacity = capacity;
            MaxInFlight = maxInFlight;
            _baseAckTimeoutMs = ackTimeoutMs;
            _ackTimeoutMs = ackTimeoutMs;
            var recovery = new JournalRecovery(storage, clock);
            recovery.Run();
            for (int i = 0; i < recovery.Seqs.Count; i++)
            {
                _entries.Add((long)recovery.Seqs[i]!, null);
            }

            _epoch = recovery.Epoch;
            _epochAscii = new byte[_epoch.Length];
            for (int i = 0; i < _epoch.Length; i++) _epochAscii[i] = (byte)_epoch[i];
            _nextSeq = recovery.NextSeq;
            _dropped = recovery.Dropped;
            CorruptSkipped = recovery.Corrupt;
            StorageProblems = recovery.Problems;
            StartedNewEpoch = recovery.NewEpoch;
            lock (_gate)
            {
                if (recovery.NewEpoch)
                {
                    SaveCounterQuietly();
                }

                TrimToCapacity();
            }
        }

        /// <summary>Most events kept.</summary>
        public int Capacity { get; }

        /// <summary>Most publishes awaiting the broker's acknowledgement at once.</summary>
        public int MaxInFlight { get; }

        /// <summary>Entries and counters found unreadable at start-up and skipped.</summary>
        public int CorruptSkipped { get; }

        /// <summary>What was wrong with the stored journal at start-up, in words; "" when nothing was.</summary>
        public string StorageProblems { get; }

        /// <summary>True when this start began a new epoch (first start, or a counter that could not be read).</summary>
        public bool StartedNewEpoch { get; }

        /// <summary>The epoch every event of this journal is numbered in.</summary>
        public string Epoch => _epoch;

        /// <summary>Events stored and not yet confirmed by the gateway (telemetry "journal").</summary>
        public int Depth
        {
            get { lock (_gate) { return _entries.Count; } }
        }

        /// <summary>Publishes sent and not yet acknowledged by the broker.</summary>
        public int InFlight
        {
            get { lock (_gate) { return _inFlight.Count; } }
        }

        /// <summary>The sequence number the next event will get.</summary>
        public long NextSeq
        {
            get { lock (_gate) { return _nextSeq; } }
        }

        /// <summary>Events dropped by a full journal since the locker was installed (telemetry "dropped").</summary>
        public long Dropped
        {
            get { lock (_gate) { return _dropped; } }
        }

        /// <summary>The wait before the next resend of unconfirmed events (grows while the gateway confirms nothing).</summary>
        public long AckTimeoutMs
        {
            get { lock (_gate) { return _ackTimeoutMs; } }
        }

        /// <summary>
        /// Stamps <paramref name="e"/> with the next (epoch, seq) and the time, stores it, and returns the sequence
        /// number. Storage errors propagate: the event was not journaled.
        /// </summary>
        public long Append(LockerEvent e)
        {
            lock (_gate)
            {
                long seq = _nextSeq;
                // The counter moves first: a power cut between the two writes loses a number, never reuses one.
                _storage.Write(JournalKeys.NextSeq, JournalKeys.CounterBytes(_epochAscii, seq + 1));
                _nextSeq = seq + 1;
                e.Stamp(seq, _epoch, _clock);
                string key = _entries.KeyFor(seq);
                _storage.Write(key, e.ToJson(_json));
                _entries.Add(seq, key);
                TrimToCapacity();
                return seq;
            }
        }

        /// <summary>The stored events' sequence numbers, oldest first.</summary>
        public long[] PendingSeqs()
        {
            lock (_gate)
            {
                var result = new long[_entries.Count];
                for (int i = 0; i < result.Length; i++)
                {
                    result[i] = _entries.SeqAt(i);
                }

                return result;
            }
        }

        /// <summary>The stored JSON of one event, or null when it is not in the journal.</summary>
        public byte[]? Read(long seq)
        {
            lock (_gate)
            {
                int index = _entries.IndexOf(seq);
                return index < 0 ? null : _storage.Read(_entries.KeyAt(index));
            }
        }

        /// <summary>
        /// Publishes stored events that are due (never sent, or due again), oldest first, on <paramref name="topic"/>
        /// (QoS 1), until <see cref="MaxInFlight"/> wait for the broker's acknowledgement or the link refuses. Call it after
        /// each append, each acknowledgement, each ack from the gateway and each reconnect. Returns how many were published.
        /// </summary>
        public int SendPending(IMqttLink link, string topic)
        {
            lock (_gate)
            {
                int sent = 0;
                for (int i = 0; i < _entries.Count && _inFlight.Count < MaxInFlight; i++)
                {
                    if (_entries.IsSent(i))
                    {
                        continue;
                    }

                    long seq = _entries.SeqAt(i);
                    if (_inFlight.Contains(seq))
                    {
                        // Due again while its earlier publish still waits for the broker: sent once that is acknowledged.
                        continue;
                    }

                    byte[] data = _storage.Read(_entries.KeyAt(i));
                    if (data == null)
                    {
                        // Deleted behind the journal's back: nothing left to send.
                        _entries.RemoveAt(i);
                        i--;
                        continue;
                    }

                    int messageId;
                    _sending = true;
                    try
                    {
                        messageId = link.Publish(topic, data, Channels.QosOf(Channels.Event), false);
                    }
                    finally
                    {
                        _sending = false;
                    }

                    if (messageId < 0)
                    {
                        break;
                    }

                    sent++;
                    _entries.MarkSent(i);
                    // False when the broker acknowledged before Publish returned: then the slot is already free.
                    _inFlight.Add(messageId, seq);
                }

                _inFlight.ClearEarlyAcks();
                if (sent > 0 && _resendAtMs < 0)
                {
                    _resendAtMs = _clock.UptimeMs + _ackTimeoutMs;
                }

                return sent;
            }
        }

        /// <summary>
        /// The broker acknowledged the publish with <paramref name="messageId"/> (PUBACK): its slot in the in-flight window
        /// is free. The event stays until the gateway confirms it. Returns false for an id the journal did not send (the
        /// host may pass every PUBACK here).
        /// </summary>
        public bool Acknowledge(int messageId)
        {
            lock (_gate)
            {
                long seq = _inFlight.Acknowledge(messageId, _sending);
                if (seq < 1)
                {
                    return false;
                }

                _inFlight.Forget(seq);
                return true;
            }
        }

        /// <summary>
        /// The gateway applied every event of <paramref name="epoch"/> up to <paramref name="appliedThrough"/> (a verified
        /// ack): those are deleted. With <paramref name="replay"/> every remaining event is due again (the gateway saw a
        /// gap). An ack for another epoch changes nothing. Returns how many events were deleted.
        /// </summary>
        public int Confirm(string epoch, long appliedThrough, bool replay)
        {
            lock (_gate)
            {
                if (epoch != _epoch)
                {
                    return 0;
                }

                int deleted = 0;
                while (_entries.Count > 0 && _entries.SeqAt(0) <= appliedThrough)
                {
                    Remove(0);
                    deleted++;
                }

                if (replay)
                {
                    _entries.MarkAllUnsent();
                }

                if (deleted > 0 || replay)
                {
                    // The gateway is there: the next resend waits the short timeout again.
                    _ackTimeoutMs = _baseAckTimeoutMs;
                    _resendAtMs = _entries.AnySent() ? _clock.UptimeMs + _ackTimeoutMs : -1;
                }

                return deleted;
            }
        }

        /// <summary>
        /// Call from the main loop: when published events have waited the ack timeout without a confirmation, every one
        /// of them is due again and the timeout doubles (up to <see cref="MaxAckTimeoutMs"/>). True when that happened.
        /// </summary>
        public bool CheckAckTimeout(long nowMs)
        {
            lock (_gate)
            {
                if (_resendAtMs < 0 || nowMs < _resendAtMs)
                {
                    return false;
                }

                _entries.MarkAllUnsent();
                _ackTimeoutMs = _ackTimeoutMs * 2 > MaxAckTimeoutMs ? MaxAckTimeoutMs : _ackTimeoutMs * 2;
                _resendAtMs = -1; // armed again by the resend
                return _entries.Count > 0;
            }
        }

        /// <summary>The connection dropped: every unconfirmed event will be sent again by the next <see cref="SendPending"/>.</summary>
        public void ConnectionLost()
        {
            lock (_gate)
            {
                _inFlight.Clear();
                _entries.MarkAllUnsent();
                _resendAtMs = -1;
            }
        }

        private void Remove(int index)
        {
            long seq = _entries.SeqAt(index);
            _storage.Delete(_entries.KeyAt(index));
            _entries.RemoveAt(index);
            _inFlight.Forget(seq);
        }

        private void TrimToCapacity()
        {
            if (_entries.Count <= Capacity)
            {
                return;
            }

            while (_entries.Count > Capacity)
            {
                Remove(0);
                _dropped++;
            }

            _storage.Write(JournalKeys.Dropped, Commands.StoredNumber.ToBytes(_dropped));
        }

        // A new epoch is written down at once, so a reboot before the first event keeps it.
        private void SaveCounterQuietly()
        {
            try
            {
                _storage.Write(JournalKeys.NextSeq, JournalKeys.CounterBytes(_epochAscii, _nextSeq));
            }
            catch (Exception)
            {
                // The first append writes it again; a failing flash is reported by the events it fails to store.
            }
        }
    }
}
