using System.Collections;

namespace Lockers.Core.App
{
    /// <summary>
    /// Message ids of the controller's own QoS 1 publishes (status, cmd/result), so their acknowledgements
    /// are not mistaken for the journal's. Forgets everything on a disconnect. Not thread-safe.
    /// </summary>
    internal sealed class PublishTracker
    {
        private readonly Hashtable _ids = new Hashtable();

        public void Track(int messageId)
        {
            if (messageId > 0)
            {
                _ids[messageId] = true;
            }
        }

        /// <summary>True (and forgotten) when the id was one of ours.</summary>
        public bool TryAcknowledge(int messageId)
        {
            if (!_ids.Contains(messageId))
            {
                return false;
            }

            _ids.Remove(messageId);
            return true;
        }

        public void Clear() => _ids.Clear();
    }
}
