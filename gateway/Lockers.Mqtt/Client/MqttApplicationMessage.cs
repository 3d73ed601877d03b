using Lockers.Mqtt.Packets;

namespace Lockers.Mqtt.Client;

/// <summary>
/// A message received from the broker. With <see cref="MqttClientOptions.ManualAcknowledgement"/>, hand it back to
/// <see cref="MqttClient.AcknowledgeAsync"/> once it is safely processed (copies made with <c>with</c> count as the
/// same message).
/// </summary>
/// <param name="Topic">The topic it was published to.</param>
/// <param name="Payload">The payload bytes (owned by this message; not reused by the client).</param>
/// <param name="Qos">The QoS it was delivered with (0 or 1).</param>
/// <param name="Retain">True when the broker sent a retained message because of a new subscription.</param>
/// <param name="Dup">True when the broker says this may be a redelivery of an earlier attempt (QoS 1 only).</param>
public sealed record MqttApplicationMessage(string Topic, ReadOnlyMemory<byte> Payload, MqttQos Qos, bool Retain, bool Dup)
{
    /// <summary>Set by the client that received the message: what acknowledging it takes. Null for messages built by hand.</summary>
    internal InboundAcknowledgement? Acknowledgement { get; init; }
}
