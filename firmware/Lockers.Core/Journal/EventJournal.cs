using System;
using System.Collections;
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
        private readonly ArrayList _seqs;
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
            _seqs = recovery.Seqs;
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
            get { lock (_gate) { return _seqs.Count; } }
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
                _storage.Write(JournalKeys.Entry(seq), e.ToJson(_json));
                _seqs.Add(seq);
                TrimToCapacity();
                return seq;
            }
        }

        /// <summary>The stored events' sequence numbers, oldest first.</summary>
        public long[] PendingSeqs()
        {
            lock (_gate)
            {
                var result = new long[_seqs.Count];
                for (int i = 0; i < result.Length; i++)
                {
                    result[i] = (long)_seqs[i]!;
                }

                return result;
            }
        }

        /// <summary>The stored JSON of one event, or null when it is not in the journal.</summary>
        public byte[]? Read(long seq)
        {
            lock (_gate)
            {
                return _seqs.Contains(seq) ? _storage.Read(JournalKeys.Entry(seq)) : null;
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
                for (int i = 0; i < _seqs.Count && _inFlight.Count < MaxInFlight; i++)
                {
                    long seq = (long)_seqs[i]!;
                    if (_inFlight.Contains(seq))
                    {
                        continue;
                    }

                    byte[] data = _storage.Read(JournalKeys.Entry(seq));
                    if (data == null)
                    {
                        // Deleted behind the journal's back: nothing left to send.
                        _seqs.RemoveAt(i);
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
            _storage.Delete(JournalKeys.Entry(seq));
            _seqs.Remove(seq);
            _inFlight.Forget(seq);
        }

        private void TrimToCapacity()
        {
            if (_seqs.Count <= Capacity)
            {
                return;
            }

            while (_seqs.Count > Capacity)
            {
                Remove((long)_seqs[0]!);
                _dropped++;
            }

            _storage.Write(JournalKeys.Dropped, StoredNumber.ToBytes(_dropped));
        }
    }
}
