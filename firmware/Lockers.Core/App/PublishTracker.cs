using Lockers.Core.Collections;

namespace Lockers.Core.App
{
    /// <summary>
    /// Message ids of the controller's own QoS 1 publishes (status, cmd/result), so their acknowledgements
    /// are not mistaken for the journal's. Forgets everything on a disconnect. Not thread-safe. Every PUBACK,
    /// the journal's too, is looked up here first, so the ids sit in a map that does not box them.
    /// </summary>
    internal sealed class PublishTracker
    {
        private readonly LongMap _ids = new LongMap(4);

        public void Track(int messageId)
        {
            if (messageId > 0)
            {
                _ids.Set(messageId, 1);
            }
        }

        /// <summary>True (and forgotten) when the id was one of ours.</summary>
        public bool TryAcknowledge(int messageId) => _ids.Remove(messageId);

        public void Clear() => _ids.Clear();
    }
}
