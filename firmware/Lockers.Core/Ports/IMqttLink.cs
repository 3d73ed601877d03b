namespace Lockers.Core.Ports
{
    /// <summary>Called when a message arrives on a subscribed topic.</summary>
    public delegate void MqttMessageHandler(string topic, byte[] payload);

    /// <summary>Called when the broker acknowledges a QoS 1 publish (PUBACK) with the id Publish returned.</summary>
    public delegate void MqttPublishAckedHandler(int messageId);

    /// <summary>Called when the link connects (true) or loses the connection (false).</summary>
    public delegate void MqttLinkStateHandler(bool connected);

    /// <summary>
    /// The locker's MQTT connection (nanoFramework.M2Mqtt on the device, Lockers.Mqtt in the simulator).
    /// The host owns connecting, the birth/last-will status and reconnecting; the core only publishes
    /// and reacts. Events may arrive on any thread.
    /// </summary>
    public interface IMqttLink
    {
        /// <summary>True while connected to the broker.</summary>
        bool IsConnected { get; }

        /// <summary>
        /// Queues a publish. Returns a message id (&gt; 0) that <see cref="PublishAcked"/> reports for QoS 1,
        /// or -1 when not connected (nothing was sent; the caller keeps the message).
        /// </summary>
        int Publish(string topic, byte[] payload, int qos, bool retain);

        /// <summary>Subscribes to a topic filter; returns false when not connected.</summary>
        bool Subscribe(string topicFilter, int qos);

        /// <summary>A message arrived on a subscribed topic.</summary>
        event MqttMessageHandler MessageReceived;

        /// <summary>The broker acknowledged a QoS 1 publish.</summary>
        event MqttPublishAckedHandler PublishAcked;

        /// <summary>The connection came up or went down.</summary>
        event MqttLinkStateHandler StateChanged;
    }
}
