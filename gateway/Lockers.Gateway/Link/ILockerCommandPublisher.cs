namespace Lockers.Gateway.Link;

/// <summary>Puts signed commands and acks on a locker's cmd and ack topics (QoS 1). The MQTT link implements it; tests may fake it.</summary>
public interface ILockerCommandPublisher
{
    /// <summary>Completes when the broker acknowledged the command; throws when it could not be handed over.</summary>
    Task PublishCommandAsync(string lockerId, byte[] payload, CancellationToken cancellationToken);

    /// <summary>Completes when the broker acknowledged the ack; throws when it could not be handed over.</summary>
    Task PublishAckAsync(string lockerId, byte[] payload, CancellationToken cancellationToken);
}
