using Lockers.Core.Ports;

namespace Lockers.Core.Tests.App;

/// <summary>
/// An MQTT link a test connects, disconnects and acknowledges by hand. It records every publish and
/// subscription; acknowledgements happen only when the test calls <see cref="AckAll"/> or <see cref="Ack"/>,
/// never inside Publish, as on a real network.
/// </summary>
public sealed class FakeMqttLink : IMqttLink
{
    private int _lastId;

    public bool IsConnected { get; private set; }

    public List<FakePublish> Published { get; } = new();

    public List<string> Subscriptions { get; } = new();

    /// <summary>QoS 1 message ids published and not yet acknowledged, oldest first.</summary>
    public List<int> Unacked { get; } = new();

    public event MqttMessageHandler? MessageReceived;

    public event MqttPublishAckedHandler? PublishAcked;

    public event MqttLinkStateHandler? StateChanged;

    public int Publish(string topic, byte[] payload, int qos, bool retain)
    {
        if (!IsConnected) return -1;
        int id = ++_lastId;
        Published.Add(new FakePublish(id, topic, (byte[])payload.Clone(), qos, retain));
        if (qos > 0) Unacked.Add(id);
        return id;
    }

    public bool Subscribe(string topicFilter, int qos)
    {
        if (!IsConnected) return false;
        Subscriptions.Add(topicFilter);
        return true;
    }

    public void Connect()
    {
        IsConnected = true;
        StateChanged?.Invoke(true);
    }

    /// <summary>Connected, but the state event has not been delivered yet (it is on its way from another thread).</summary>
    public void ConnectWithoutEvent() => IsConnected = true;

    /// <summary>Delivers the state event of <see cref="ConnectWithoutEvent"/>.</summary>
    public void RaiseConnected() => StateChanged?.Invoke(true);

    /// <summary>The connection drops: unacknowledged publishes are lost with it.</summary>
    public void Drop()
    {
        IsConnected = false;
        Unacked.Clear();
        StateChanged?.Invoke(false);
    }

    public void Ack(int messageId)
    {
        Unacked.Remove(messageId);
        PublishAcked?.Invoke(messageId);
    }

    /// <summary>Acknowledges until nothing is outstanding (acks may trigger more publishes).</summary>
    public void AckAll()
    {
        while (Unacked.Count > 0) Ack(Unacked[0]);
    }

    /// <summary>A message from the broker on a subscribed topic.</summary>
    public void Deliver(string topic, byte[] payload) => MessageReceived?.Invoke(topic, payload);

    /// <summary>Publishes on a topic, in order.</summary>
    public List<FakePublish> On(string topic) => Published.Where(p => p.Topic == topic).ToList();
}

/// <summary>One recorded publish.</summary>
public sealed record FakePublish(int Id, string Topic, byte[] Payload, int Qos, bool Retain);
