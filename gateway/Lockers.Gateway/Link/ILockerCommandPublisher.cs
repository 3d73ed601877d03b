namespace Lockers.Gateway.Link;

/// <summary>Puts a signed command on a locker's cmd topic (QoS 1). The MQTT link implements it; tests may fake it.</summary>
public interface ILockerCommandPublisher
{
    /// <summary>Completes when the broker acknowledged the command; throws when it could not be handed over.</summary>
    Task PublishCommandAsync(string lockerId, byte[] payload, CancellationToken cancellationToken);
}
