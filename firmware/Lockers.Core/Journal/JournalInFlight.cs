using System.Collections;

namespace Lockers.Core.Journal
{
    /// <summary>
    /// Which journal entry each unacknowledged MQTT message id carries. Not thread-safe: the journal
    /// holds its lock around every call.
    /// </summary>
    internal sealed class JournalInFlight
    {
        private readonly Hashtable _seqByMessageId = new Hashtable();
        private readonly Hashtable _messageIdBySeq = new Hashtable();
        // Acks that arrived during Publish, before it returned the id: a link that acknowledges
        // synchronously calls back on the publishing thread, which already holds the journal's lock.
        private readonly Hashtable _earlyAcks = new Hashtable();

        public int Count => _seqByMessageId.Count;

        public bool Contains(long seq) => _messageIdBySeq.Contains(seq);

        /// <summary>Records a publish; true when its acknowledgement already arrived.</summary>
        public bool Add(int messageId, long seq)
        {
            if (_earlyAcks.Contains(messageId))
            {
                _earlyAcks.Remove(messageId);
                return true;
            }

            _seqByMessageId[messageId] = seq;
            _messageIdBySeq[seq] = messageId;
            return false;
        }

        /// <summary>The acknowledged entry's seq, or 0 when the id is unknown (remembered only during a publish).</summary>
        public long Acknowledge(int messageId, bool duringPublish)
        {
            object? seq = _seqByMessageId[messageId];
            if (seq == null)
            {
                if (duringPublish)
                {
                    _earlyAcks[messageId] = true;
                }

                return 0;
            }

            return (long)seq;
        }

        public void Forget(long seq)
        {
            object? messageId = _messageIdBySeq[seq];
            if (messageId != null)
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
