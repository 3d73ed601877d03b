using Lockers.Core.Collections;

namespace Lockers.Core.Journal
{
    /// <summary>
    /// Which journal entry each unacknowledged MQTT message id carries. Not thread-safe: the journal
    /// holds its lock around every call. Three small maps rather than Hashtables: a Hashtable boxes the
    /// key (and the value) on every call, about 150 bytes of garbage per journaled event.
    /// </summary>
    internal sealed class JournalInFlight
    {
        private readonly LongMap _seqByMessageId = new LongMap(EventJournal.DefaultMaxInFlight);
        private readonly LongMap _messageIdBySeq = new LongMap(EventJournal.DefaultMaxInFlight);
        // Acks that arrived during Publish, before it returned the id: a link that acknowledges
        // synchronously calls back on the publishing thread, which already holds the journal's lock.
        private readonly LongMap _earlyAcks = new LongMap(4);

        public int Count => _seqByMessageId.Count;

        public bool Contains(long seq) => _messageIdBySeq.Contains(seq);

        /// <summary>Records a publish; true when its acknowledgement already arrived.</summary>
        public bool Add(int messageId, long seq)
        {
            if (_earlyAcks.Remove(messageId))
            {
                return true;
            }

            _seqByMessageId.Set(messageId, seq);
            _messageIdBySeq.Set(seq, messageId);
            return false;
        }

        /// <summary>The acknowledged entry's seq, or 0 when the id is unknown (remembered only during a publish).</summary>
        public long Acknowledge(int messageId, bool duringPublish)
        {
            if (_seqByMessageId.TryGet(messageId, out long seq))
            {
                return seq;
            }

            if (duringPublish)
            {
                _earlyAcks.Set(messageId, 1);
            }

            return 0;
        }

        public void Forget(long seq)
        {
            if (_messageIdBySeq.TryGet(seq, out long messageId))
            {
                _messageIdBySeq.Remove(seq);
                _seqByMessageId.Remove(messageId);
            }
        }

        public void ClearEarlyAcks() => _earlyAcks.Clear();

        public void Clear()
        {
            _seqByMessageId.Clear();
            _messageIdBySeq.Clear();
            _earlyAcks.Clear();
        }
    }
}
