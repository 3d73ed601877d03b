namespace Lockers.Gateway.Link;

/// <summary>
/// A provisioned locker's secrets as the store keeps them: how the broker knows it and the command key only sealed
/// (<see cref="CommandKeys"/>). <see cref="BrokerPasswordHash"/> is <c>x509:&lt;serial&gt;</c> for a locker provisioned
/// with a client certificate (ADR 0203; the column is named for the password hashes of earlier versions), or a Mosquitto
/// <c>$7$</c> password hash. <see cref="CommandCounter"/> is the last counter the gateway signed for this locker.
/// <see cref="HeartbeatS"/> and <see cref="TelemetryS"/> are the intervals its device configuration was written with
/// (null for lockers provisioned before they were kept): the offline rule follows them.
/// </summary>
public sealed record LockerCredentials(
    string LockerId, string BrokerUser, string BrokerPasswordHash, byte[] SealedCommandKey, DateTimeOffset ProvisionedAt)
{
    public long CommandCounter { get; init; }

    /// <summary>The MQTT keep-alive the locker was provisioned with, seconds.</summary>
    public int? HeartbeatS { get; init; }

    /// <summary>The telemetry interval the locker was provisioned with, seconds: how often a healthy, idle locker is heard.</summary>
    public int? TelemetryS { get; init; }
}
