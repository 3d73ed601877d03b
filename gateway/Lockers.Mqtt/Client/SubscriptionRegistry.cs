using Lockers.Mqtt.Packets;

namespace Lockers.Mqtt.Client;

/// <summary>
/// The subscriptions the application holds (granted by the broker and not unsubscribed): what the client
/// subscribes to again after reconnecting to a broker that kept no session. Thread-safe.
/// </summary>
internal sealed class SubscriptionRegistry
{
    private readonly Dictionary<string, MqttQos> _active = new(StringComparer.Ordinal);

    public void Add(string topicFilter, MqttQos qos)
    {
        lock (_active)
        {
            _active[topicFilter] = qos;
        }
    }

    public void Remove(string topicFilter)
    {
        lock (_active)
        {
            _active.Remove(topicFilter);
        }
    }

    public IReadOnlyList<MqttSubscription> Snapshot()
    {
        lock (_active)
        {
            return _active.Select(pair => new MqttSubscription(pair.Key, pair.Value)).ToList();
        }
    }
}
