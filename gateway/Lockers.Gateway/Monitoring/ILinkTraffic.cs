namespace Lockers.Gateway.Monitoring;

/// <summary>
/// The locker link's traffic since start, as /metrics shows it. The link's counters (Link/LinkCounters) implement it,
/// so monitoring reads them without depending on the link, which depends on monitoring (it feeds locker health).
/// </summary>
public interface ILinkTraffic
{
    /// <summary>MQTT messages received from lockers.</summary>
    long Received { get; }

    /// <summary>Signed commands the broker acknowledged.</summary>
    long CommandsSent { get; }

    /// <summary>Group commits of more than one message (ADR 0202).</summary>
    long Groups { get; }

    /// <summary>Messages applied in those groups.</summary>
    long GroupedMessages { get; }

    /// <summary>Groups rolled back for one failing message, then applied one message at a time.</summary>
    long GroupsRedone { get; }

    /// <summary>Refused claims (ADR 0109): code entries from a reader the locker was not provisioned with, and messages with invalid text.</summary>
    long RefusedClaims { get; }
}
