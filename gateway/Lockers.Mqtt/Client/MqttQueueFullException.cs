namespace Lockers.Mqtt.Client;

/// <summary>
/// PublishAsync found the outgoing queue full (<see cref="MqttClientOptions.OutgoingQueueCapacity"/>), typically
/// because the broker has been unreachable for a while. The message was not queued; the caller decides
/// whether to retry, keep it elsewhere, or drop it.
/// </summary>
public sealed class MqttQueueFullException : Exception
{
    /// <summary>Creates the exception for a queue of <paramref name="capacity"/> messages.</summary>
    public MqttQueueFullException(int capacity)
        : base($"The MQTT outgoing queue is full ({capacity} messages waiting); the message was not queued.") => Capacity = capacity;

    /// <summary>The queue's capacity.</summary>
    public int Capacity { get; }
}
