using Lockers.Bench.Interop;

namespace Lockers.Mqtt.Tests.Interop;

/// <summary>An independent MQTT implementation (processes or an in-process library): what <see cref="InteropTests"/> needs of it.</summary>
internal interface IExternalMqttClients : IAsyncDisposable
{
    /// <summary>Starts a subscriber and returns once its subscription is in place.</summary>
    Task<IExternalSubscriber> SubscribeAsync(string topic, int qos, int count, string testName);

    /// <summary>Publishes the exact payload bytes and returns once the publisher is done (QoS 1: acknowledged).</summary>
    Task PublishAsync(string topic, byte[] payload, int qos, bool retain, string testName);
}

/// <summary>A subscriber of the independent implementation.</summary>
internal interface IExternalSubscriber
{
    /// <summary>The next message it received (fails after the implementation's timeout).</summary>
    Task<ReceivedMessage> NextMessageAsync();
}

/// <summary>A subscriber that is a process printing the messages it receives, read by <paramref name="next"/>.</summary>
internal sealed class ProcessSubscriber(ExternalProcess process, Func<ExternalProcess, Task<ReceivedMessage>> next) : IExternalSubscriber
{
    public Task<ReceivedMessage> NextMessageAsync() => next(process);
}
