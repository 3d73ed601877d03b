using System.Collections;
using Lockers.Core.Json;
using Lockers.Core.Ports;
using Lockers.Core.Protocol;

namespace Lockers.Core.App
{
    /// <summary>
    /// Sends cmd/result answers (QoS 1). An answer that cannot be sent because the link is down waits here,
    /// in order, and goes out after the reconnect; at most <see cref="Capacity"/> wait, the oldest dropped
    /// first (the gateway times the command out instead). Not thread-safe: the controller's lock covers it.
    /// </summary>
    internal sealed class ResultOutbox
    {
        public const int Capacity = 32;

        private readonly ArrayList _waiting = new ArrayList();
        private readonly JsonWriter _json = new JsonWriter();
        private readonly PublishTracker _tracker;
        private readonly string _topic;

        public ResultOutbox(string topic, PublishTracker tracker)
        {
            _topic = topic;
            _tracker = tracker;
        }

        /// <summary>Queues an answer; <see cref="Flush"/> sends it.</summary>
        public void Add(CommandResultPayload result)
        {
            if (_waiting.Count >= Capacity)
            {
                _waiting.RemoveAt(0);
            }

            _waiting.Add(result.ToJson(_json));
        }

        /// <summary>Sends what waits, oldest first, until the link refuses.</summary>
        public void Flush(IMqttLink link)
        {
            while (_waiting.Count > 0)
            {
                byte[] payload = (byte[])_waiting[0]!;
                int id = link.Publish(_topic, payload, Channels.QosOf(Channels.CommandResult), false);
                if (id < 0)
                {
                    return;
                }

                _tracker.Track(id);
                _waiting.RemoveAt(0);
            }
        }
    }
}
