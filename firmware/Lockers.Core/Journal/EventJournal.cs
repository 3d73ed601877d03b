using System;
using Lockers.Core.Commands;
using Lockers.Core.Json;
using Lockers.Core.Ports;
using Lockers.Core.Protocol;

namespace Lockers.Core.Journal
{
    /// <summary>
    /// The locker's event journal in flash. Every event gets the next sequence number and is stored
    /// (one key per event) before anything is sent; it stays until the broker acknowledges its QoS 1
    /// publish, and everything unacknowledged is sent again, oldest first, after a reconnect. The
    /// journal is bounded: when full it drops the oldest event and counts it in <see cref="Dropped"/>
    /// (persistent; the controller reports it in telemetry and a journal_overflow event). Sequence
    /// numbers survive reboots and are never reused. Thread-safe: acks may arrive on any thread.
    /// </summary>
    public sealed class EventJournal
    {
        /// <summary>Events kept when no capacity is given.</summary>
        public const int DefaultCapacity = 200;

        /// <summary>Unacknowledged publishes allowed at once when none is given.</summary>
        public const int DefaultMaxInFlight = 8;

        private readonly object _gate = new object();
        private readonly IStorage _storage;
        private readonly IClock _clock;
        private readonly JournalEntries _entries = new JournalEntries();
        private readonly JournalInFlight _inFlight = new JournalInFlight();
        // Reused for every event's JSON (under the lock), so an append allocates the stored bytes, not a writer.
        private readonly JsonWriter _json = new JsonWriter();
        private long _nextSeq;
        private long _dropped;
        private bool _sending;

        /// <summary>A journal of <see cref="DefaultCapacity"/> events.</summary>
        public EventJournal(IStorage storage, IClock clock)
            : this(storage, clock, DefaultCapacity, DefaultMaxInFlight)
        {
        }

        /// <summary>Opens the journal in <paramref name="storage"/>, recovering what an earlier boot left.</summary>
        public EventJournal(IStorage storage, IClock clock, int capacity, int maxInFlight)
        {
            if (capacity < 1 || maxInFlight < 1)
            {
                throw new ArgumentException("capacity and maxInFlight must be at least 1");
            }

            _storage = storage;
            _clock = clock;
            Capacity = capacity;
            MaxInFlight = maxInFlight;
            var recovery = new JournalRecovery(storage);
            recovery.Run();
            for (int i = 0; i < recovery.Seqs.Count; i++)
            {
                _entries.Add((long)recovery.Seqs[i]!, null);
            }

            _nextSeq = recovery.NextSeq;
            _dropped = recovery.Dropped;
            CorruptSkipped = recovery.Corrupt;
            lock (_gate)
            {
                TrimToCapacity();
            }
        }

        /// <summary>Most events kept.</summary>
        public int Capacity { get; }

        /// <summary>Most publishes awaiting acknowledgement at once.</summary>
        public int MaxInFlight { get; }

        /// <summary>Entries and counters found unreadable at start-up and skipped.</summary>
        public int CorruptSkipped { get; }

        /// <summary>Events stored and not yet acknowledged (telemetry "journal").</summary>
        public int Depth
        {
            get { lock (_gate) { return _entries.Count; } }
        }

        /// <summary>Publishes sent and not yet acknowledged.</summary>
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

        /// <summary>
        /// Stamps <paramref name="e"/> with the next sequence number and the time, stores it, and
        /// returns the sequence number. Storage errors propagate: the event was not journaled.
        /// </summary>
        public long Append(LockerEvent e)
        {
            lock (_gate)
            {
                long seq = _nextSeq;
                // The counter moves first: a power cut between the two writes loses a number, never reuses one.
                _storage.Write(JournalKeys.NextSeq, StoredNumber.ToBytes(seq + 1));
                _nextSeq = seq + 1;
                e.Stamp(seq, _clock);
                string key = JournalKeys.Entry(seq);
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
        /// Publishes stored events that are not in flight, oldest first, on <paramref name="topic"/>
        /// (QoS 1), until <see cref="MaxInFlight"/> are unacknowledged or the link refuses. Call it after
        /// each append, each acknowledgement and each reconnect. Returns how many were published.
        /// </summary>
        public int SendPending(IMqttLink link, string topic)
        {
            lock (_gate)
            {
                int sent = 0;
                for (int i = 0; i < _entries.Count && _inFlight.Count < MaxInFlight; i++)
                {
                    long seq = _entries.SeqAt(i);
                    if (_inFlight.Contains(seq))
                    {
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
                    if (_inFlight.Add(messageId, seq))
                    {
                        // The broker acknowledged before Publish returned.
                        Remove(seq);
                        i--;
                    }
                }

                _inFlight.ClearEarlyAcks();
                return sent;
            }
        }

        /// <summary>
        /// The broker acknowledged the publish with <paramref name="messageId"/>: the event is deleted.
        /// Returns false for an id the journal did not send (the host may pass every PUBACK here).
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

                Remove(seq);
                return true;
            }
        }

        /// <summary>The connection dropped: unacknowledged publishes will be sent again by the next <see cref="SendPending"/>.</summary>
        public void ConnectionLost()
        {
            lock (_gate)
            {
                _inFlight.Clear();
            }
        }

        private void Remove(long seq)
        {
            int index = _entries.IndexOf(seq);
            _storage.Delete(index < 0 ? JournalKeys.Entry(seq) : _entries.KeyAt(index));
            if (index >= 0)
            {
                _entries.RemoveAt(index);
            }

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
                Remove(_entries.SeqAt(0));
                _dropped++;
            }

            _storage.Write(JournalKeys.Dropped, StoredNumber.ToBytes(_dropped));
        }
    }
}
