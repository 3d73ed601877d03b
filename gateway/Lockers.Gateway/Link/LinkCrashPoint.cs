using Lockers.Core.Protocol;
using Lockers.Mqtt.Client;

namespace Lockers.Gateway.Link;

/// <summary>When in a round a test makes the gateway die: see <see cref="LinkCrashPoint"/>.</summary>
public enum LinkCrashMoment
{
    /// <summary>The round's messages are applied in the open group, which is not committed: nothing of it is written.</summary>
    BeforeCommit,
    /// <summary>The group is committed; nothing is published yet (no command, no ack) and no message is PUBACKed.</summary>
    AfterCommit,
    /// <summary>Committed, and the commands and acks it owed are acknowledged by the broker; no message is PUBACKed.</summary>
    AfterPublish,
}

/// <summary>
/// Tests only (LockerLink:CrashPoint, "&lt;moment&gt;:&lt;event&gt;", e.g. "after-commit:door:closed" or
/// "before-commit:code_entered"): the gateway kills its own process with SIGKILL, exactly as <c>kill -9</c> would, at
/// that moment of the first round holding such an event. The fault tests use it to crash at a chosen point of a deposit
/// or a pickup, which an outside kill cannot time. Unset in every real configuration.
/// </summary>
public sealed record LinkCrashPoint(LinkCrashMoment Moment, string Kind, string? DoorState)
{
    /// <summary>Null for null or empty; throws <see cref="FormatException"/> naming what is wrong.</summary>
    public static LinkCrashPoint? Parse(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var parts = value.Split(':');
        var moment = parts[0] switch
        {
            "before-commit" => LinkCrashMoment.BeforeCommit,
            "after-commit" => LinkCrashMoment.AfterCommit,
            "after-publish" => LinkCrashMoment.AfterPublish,
            _ => throw new FormatException($"'{parts[0]}' is not before-commit, after-commit or after-publish"),
        };
        if (parts.Length < 2 || !EventKinds.All.Contains(parts[1]) || (parts.Length == 3 && !DoorStates.IsKnown(parts[2])) || parts.Length > 3)
        {
            throw new FormatException($"'{value}' is not <moment>:<event kind>[:<door state>]");
        }

        return new LinkCrashPoint(moment, parts[1], parts.Length == 3 ? parts[2] : null);
    }

    /// <summary>True when one of the messages is an event of this kind (and door state).</summary>
    public bool Matches(IReadOnlyList<MqttApplicationMessage> messages) => messages.Any(message =>
    {
        if (!Topics.TryParse(message.Topic, out _, out var channel) || channel != Channels.Event)
        {
            return false;
        }

        try
        {
            var e = LockerEvent.Parse(message.Payload.ToArray());
            return e.Kind == Kind && (DoorState is null || e.DoorState == DoorState);
        }
        catch (Lockers.Core.Json.JsonException)
        {
            return false;
        }
    });

    /// <summary>SIGKILL to this process: no cleanup, no flush, no graceful MQTT disconnect (the broker sees the socket drop).</summary>
    public void Crash(ILogger logger)
    {
        logger.LogCritical("LockerLink:CrashPoint {Moment} reached: killing the gateway process (test fault injection)", Moment);
        System.Diagnostics.Process.GetCurrentProcess().Kill();
    }
}
