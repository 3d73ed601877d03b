using Lockers.Core.Json;
using Lockers.Core.Protocol;

namespace Lockers.Gateway.Link;

/// <summary>
/// Turns a raw MQTT message into a <see cref="LockerMessage"/>, checking in order: the topic is a locker-to-gateway
/// topic of protocol v1, the payload is not larger than the limit (an oversized payload is never parsed), it is strict
/// UTF-8, the channel's parser accepts it, and its text is printable and within its lengths (<see cref="LockerText"/>).
/// Pure: no I/O, so every rejection is tested without a broker.
/// </summary>
public static class LockerMessageParser
{
    public static LockerMessageParseResult Parse(string topic, ReadOnlyMemory<byte> payload, int maxPayloadBytes)
    {
        if (!Topics.TryParse(topic, out var lockerId, out var channel))
        {
            return LockerMessageParseResult.Drop(LinkDropReason.BadTopic, "not a lockers/v1/<locker>/<channel> topic");
        }

        if (!Channels.IsFromLocker(channel))
        {
            return LockerMessageParseResult.Drop(LinkDropReason.BadTopic, $"'{channel}' is the gateway's own channel");
        }

        if (payload.Length > maxPayloadBytes)
        {
            return LockerMessageParseResult.Drop(LinkDropReason.Oversized, $"{payload.Length} bytes, limit {maxPayloadBytes}");
        }

        if (LockerText.CheckUtf8(payload.Span) is { } notUtf8)
        {
            return LockerMessageParseResult.Drop(LinkDropReason.InvalidText, notUtf8, lockerId);
        }

        try
        {
            var bytes = payload.ToArray();
            object parsed = channel switch
            {
                Channels.Status => StatusPayload.Parse(bytes),
                Channels.Event => LockerEvent.Parse(bytes),
                Channels.Telemetry => TelemetryPayload.Parse(bytes),
                _ => CommandResultPayload.Parse(bytes),
            };
            return LockerText.Check(parsed) is { } invalid
                ? LockerMessageParseResult.Drop(LinkDropReason.InvalidText, invalid, lockerId)
                : LockerMessageParseResult.Ok(new LockerMessage(lockerId, channel, parsed));
        }
        catch (Exception ex) when (ex is JsonException or FormatException or OverflowException or ArgumentException)
        {
            // The parser's message names the field; the payload itself is never logged (it may hold a code).
            return LockerMessageParseResult.Drop(LinkDropReason.Malformed, ex.Message);
        }
    }
}
