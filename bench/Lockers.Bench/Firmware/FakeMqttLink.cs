using Lockers.Core.Ports;

namespace Lockers.Bench.Firmware;

/// <summary>
/// A connected link that records nothing but counts: each publish gets an id, QoS 1 ids wait in a fixed
/// ring until <see cref="AckAll"/> acknowledges them (never inside Publish, as on a real network).
/// Allocates nothing after construction.
/// </summary>
public sealed class FakeMqttLink : IMqttLink
{
    private readonly int[] _unacked = new int[256];
    private int _unackedCount;
    private int _lastId;

    public bool IsConnected { get; private set; }

    /// <summary>Publishes so far.</summary>
    public long Publishes { get; private set; }

    /// <summary>Payload bytes published so far (what goes on the wire, topic and MQTT header excluded).</summary>
    public long PayloadBytes { get; private set; }

    /// <summary>The length of the latest payload published.</summary>
    public int LastPayloadLength { get; private set; }

    public event MqttMessageHandler? MessageReceived;

    public event MqttPublishAckedHandler? PublishAcked;

    public event MqttLinkStateHandler? StateChanged;

    public int Publish(string topic, byte[] payload, int qos, bool retain)
    {
        if (!IsConnected) return -1;
        int id = ++_lastId;
        Publishes++;
        PayloadBytes += payload.Length;
        LastPayloadLength = payload.Length;
        if (qos > 0)
        {
            if (_unackedCount == _unacked.Length) throw new InvalidOperationException("more than 256 publishes unacknowledged");
            _unacked[_unackedCount++] = id;
        }

        return id;
    }

    public bool Subscribe(string topicFilter, int qos) => IsConnected;

    public void Connect()
    {
        IsConnected = true;
        StateChanged?.Invoke(true);
    }

    /// <summary>Acknowledges everything outstanding, oldest first, including publishes the acks trigger.</summary>
    public void AckAll()
    {
        for (int i = 0; i < _unackedCount; i++) PublishAcked?.Invoke(_unacked[i]);
        _unackedCount = 0;
    }

    /// <summary>A message from the broker on a subscribed topic.</summary>
    public void Deliver(string topic, byte[] payload) => MessageReceived?.Invoke(topic, payload);
}
