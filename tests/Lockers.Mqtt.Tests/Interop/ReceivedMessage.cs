using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Lockers.Mqtt.Tests.Interop;

/// <summary>A message as an independent client (MQTT.js, mosquitto_sub or MQTTnet) reported receiving it.</summary>
internal sealed partial record ReceivedMessage(string Topic, int Qos, bool Retain, byte[] Payload)
{
    /// <summary>Parses a line of tests/interop/mqttjs-sub.js; null for lines that are not messages.</summary>
    public static ReceivedMessage? FromMqttJsLine(string line)
    {
        if (!line.StartsWith('{'))
        {
            return null;
        }

        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        return root.GetProperty("event").GetString() switch
        {
            "message" => new ReceivedMessage(
                root.GetProperty("topic").GetString()!,
                root.GetProperty("qos").GetInt32(),
                root.GetProperty("retain").GetBoolean(),
                Convert.FromBase64String(root.GetProperty("payloadBase64").GetString()!)),
            "error" => throw new InvalidOperationException("mqttjs-sub.js failed: " + root.GetProperty("message").GetString()),
            _ => null,
        };
    }

    /// <summary>Parses a line printed by mosquitto_sub -F "%r %q %t %x" (retain, qos, topic, payload hex); null for debug lines.</summary>
    public static ReceivedMessage? FromMosquittoSubLine(string line)
    {
        var match = MosquittoSubFormat().Match(line);
        return match.Success
            ? new ReceivedMessage(
                match.Groups["topic"].Value,
                int.Parse(match.Groups["qos"].Value, CultureInfo.InvariantCulture),
                match.Groups["retain"].Value == "1",
                Convert.FromHexString(match.Groups["hex"].Value))
            : null;
    }

    /// <summary>The -F argument that prints lines <see cref="FromMosquittoSubLine"/> understands.</summary>
    public const string MosquittoSubFormatArgument = "%r %q %t %x";

    [GeneratedRegex("^(?<retain>[01]) (?<qos>[012]) (?<topic>\\S+) (?<hex>[0-9a-fA-F]*)$")]
    private static partial Regex MosquittoSubFormat();
}
