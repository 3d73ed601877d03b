using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Lockers.Bench.Interop;
using Lockers.Testing.Mosquitto;

namespace Lockers.Mqtt.Tests.Interop;

/// <summary>
/// MQTT.js (tests/interop/mqttjs-*.js run by node) as the independent client in interop tests. Every process it starts
/// is killed when this object is disposed. Fails, never skips, when node or MQTT.js are missing.
/// </summary>
internal sealed class MqttJsClients : IExternalMqttClients
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly MosquittoBroker _broker;
    private readonly List<ExternalProcess> _processes = new();

    public MqttJsClients(MosquittoBroker broker) => _broker = broker;

    /// <summary>Starts an MQTT.js subscriber and returns once its subscription is granted.</summary>
    public async Task<ExternalProcess> SubscribeAsync(string topic, int qos, int count = 1, [CallerMemberName] string testName = "")
    {
        var process = Start("mqttjs-sub.js", testName, new() { ["topic"] = topic, ["qos"] = Text(qos), ["count"] = Text(count) });
        string answer = await process.ReadLineUntilAsync(line => Event(line) is "ready" or "error", Timeout, "ready");
        if (Event(answer) == "error")
        {
            throw new InvalidOperationException($"mqttjs-sub.js failed to subscribe:\n{process.Transcript}");
        }

        return process;
    }

    /// <summary>The next message the subscriber printed.</summary>
    public static async Task<ReceivedMessage> NextMessageAsync(ExternalProcess subscriber)
    {
        ReceivedMessage? message = null;
        await subscriber.ReadLineUntilAsync(line => (message = ReceivedMessage.FromMqttJsLine(line)) is not null, Timeout, "a message");
        return message!;
    }

    /// <summary>Publishes with MQTT.js and returns once every publish was acknowledged (QoS 1) or written (QoS 0).</summary>
    public async Task PublishAsync(string topic, byte[] payload, int qos, bool retain = false, int count = 1, [CallerMemberName] string testName = "")
    {
        var process = Start("mqttjs-pub.js", testName, new()
        {
            ["topic"] = topic,
            ["qos"] = Text(qos),
            ["retain"] = retain ? "true" : "false",
            ["count"] = Text(count),
            ["payload-base64"] = Convert.ToBase64String(payload),
        });
        await process.ReadLineUntilAsync(line => Event(line) is "published" or "error", Timeout, "published");
        int exitCode = await process.WaitForExitAsync(Timeout);
        Assert.True(exitCode == 0, $"mqttjs-pub.js exited with {exitCode}:\n{process.Transcript}");
    }

    async Task<IExternalSubscriber> IExternalMqttClients.SubscribeAsync(string topic, int qos, int count, string testName) =>
        new ProcessSubscriber(await SubscribeAsync(topic, qos, count, testName), NextMessageAsync);

    Task IExternalMqttClients.PublishAsync(string topic, byte[] payload, int qos, bool retain, string testName) =>
        PublishAsync(topic, payload, qos, retain, testName: testName);

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }
    }

    private ExternalProcess Start(string script, string testName, Dictionary<string, string> arguments)
    {
        arguments["host"] = _broker.Host;
        arguments["port"] = Text(_broker.Port);
        arguments["username"] = MosquittoBrokerOptions.DefaultUser;
        arguments["password"] = MosquittoBrokerOptions.DefaultPassword;
        if (_broker.Certificates is { } pki)
        {
            arguments["ca"] = pki.CaCertificatePath;
        }

        // The script appends its role and pid: "<test>-sub-1234" in the broker log.
        arguments["client-id"] = testName;
        var process = NodeInterop.Start(script, arguments);
        _processes.Add(process);
        return process;
    }

    /// <summary>The "event" of a JSON line from the scripts; null for anything else node may print.</summary>
    private static string? Event(string line)
    {
        if (!line.StartsWith('{'))
        {
            return null;
        }

        using var document = JsonDocument.Parse(line);
        return document.RootElement.GetProperty("event").GetString();
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
