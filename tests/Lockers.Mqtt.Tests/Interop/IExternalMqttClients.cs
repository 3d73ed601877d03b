using Lockers.Bench.Interop;

namespace Lockers.Mqtt.Tests.Interop;

/// <summary>An independent MQTT implementation driven as processes: what <see cref="InteropTests"/> needs of it.</summary>
internal interface IExternalMqttClients : IAsyncDisposable
{
    /// <summary>Starts a subscriber and returns once its subscription is in place.</summary>
    Task<ExternalProcess> SubscribeAsync(string topic, int qos, int count, string testName);

    /// <summary>The next message the subscriber printed.</summary>
    Task<ReceivedMessage> ReadMessageAsync(ExternalProcess subscriber);

    /// <summary>Publishes the exact payload bytes and returns once the publisher is done.</summary>
    Task PublishAsync(string topic, byte[] payload, int qos, bool retain, string testName);
}
