using System.Buffers;
using System.Diagnostics;
using Lockers.Testing;
using Lockers.Testing.Mosquitto;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Lockers.Bench.Mqtt;

/// <summary>
/// MQTTnet 5 doing exactly what <see cref="LockersClientBench"/> does with our client, in this process: the same window
/// of unacknowledged QoS 1 publishes, the same payloads, the same CPU and allocation accounting.
/// </summary>
internal static class MqttNetBench
{
    private static readonly TimeSpan RoundTripTimeout = TimeSpan.FromSeconds(10);

    public static async Task<ThroughputRun> ThroughputAsync(MosquittoBroker broker, string topic, MqttBenchOptions options, CancellationToken cancellationToken)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(Options(broker, "throughput"), cancellationToken);
        byte[] payload = BenchPayload.Filler(options.PayloadSize);
        await PublishWindowedAsync(client, Message(topic + "/warmup", payload), options.ThroughputWarmup, options.Window, cancellationToken);
        var message = Message(topic, payload);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        int gen0Before = GC.CollectionCount(0);
        long started = Stopwatch.GetTimestamp();
        await PublishWindowedAsync(client, message, options.Messages, options.Window, cancellationToken);
        double seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        int gen0 = GC.CollectionCount(0) - gen0Before;
        await client.DisconnectAsync(new MqttClientDisconnectOptions(), cancellationToken);
        return new ThroughputRun(options.Messages, seconds, cpu.TotalSeconds, allocated, gen0);
    }

    public static async Task<IReadOnlyList<double>> RoundTripAsync(MosquittoBroker broker, string topic, MqttBenchOptions options, CancellationToken cancellationToken)
    {
        var factory = new MqttClientFactory();
        using var publisher = factory.CreateMqttClient();
        using var subscriber = factory.CreateMqttClient();
        TaskCompletionSource<long>? awaited = null;
        string awaitedKey = "";
        subscriber.ApplicationMessageReceivedAsync += e =>
        {
            long arrived = Stopwatch.GetTimestamp();
            var payload = e.ApplicationMessage.Payload;
            var head = payload.Length >= BenchPayload.KeyLength ? payload.Slice(0, BenchPayload.KeyLength).ToArray() : [];
            if (BenchPayload.HasKey(head, Volatile.Read(ref awaitedKey))) Volatile.Read(ref awaited)?.TrySetResult(arrived);
            return Task.CompletedTask;
        };
        await Task.WhenAll(publisher.ConnectAsync(Options(broker, "rt-pub"), cancellationToken), subscriber.ConnectAsync(Options(broker, "rt-sub"), cancellationToken));
        await subscriber.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(topic, MqttQualityOfServiceLevel.AtLeastOnce).Build(), cancellationToken);
        var samples = new List<double>(options.RoundTrips);
        int total = options.RoundTripWarmup + options.RoundTrips;
        for (int i = 0; i < total; i++)
        {
            var arrival = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref awaitedKey, BenchPayload.Key(i));
            Volatile.Write(ref awaited, arrival);
            var message = Message(topic, BenchPayload.Sequenced(i, options.PayloadSize));
            long started = Stopwatch.GetTimestamp();
            var acknowledged = publisher.PublishAsync(message, cancellationToken);
            long arrived;
            try
            {
                arrived = await arrival.Task.WaitAsync(RoundTripTimeout, cancellationToken);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"Round-trip message {BenchPayload.Key(i)} did not arrive within {RoundTripTimeout.TotalSeconds} s.");
            }

            await acknowledged.WaitAsync(RoundTripTimeout, cancellationToken);
            if (i >= options.RoundTripWarmup)
            {
                samples.Add(Stopwatch.GetElapsedTime(started, arrived).TotalMilliseconds);
            }
        }

        await Task.WhenAll(
            publisher.DisconnectAsync(new MqttClientDisconnectOptions(), cancellationToken),
            subscriber.DisconnectAsync(new MqttClientDisconnectOptions(), cancellationToken));
        return samples;
    }

    /// <summary>At most <paramref name="window"/> publishes await their PUBACK at a time; returns after the last one.</summary>
    private static async Task PublishWindowedAsync(IMqttClient client, MqttApplicationMessage message, int count, int window, CancellationToken cancellationToken)
    {
        using var slots = new SemaphoreSlim(window, window);
        var inFlight = new List<Task>(count);
        for (int i = 0; i < count; i++)
        {
            await slots.WaitAsync(cancellationToken);
            inFlight.Add(PublishThenFreeSlotAsync(client, message, slots, cancellationToken));
        }

        await Task.WhenAll(inFlight);
    }

    private static async Task PublishThenFreeSlotAsync(IMqttClient client, MqttApplicationMessage message, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        try
        {
            var result = await client.PublishAsync(message, cancellationToken);
            if (!result.IsSuccess)
            {
                throw new InvalidOperationException($"MQTTnet publish failed: {result.ReasonCode}");
            }
        }
        finally
        {
            slots.Release();
        }
    }

    // One message object per run, like the payload array our client is given: MQTTnet makes a packet per publish.
    private static MqttApplicationMessage Message(string topic, byte[] payload) => new MqttApplicationMessageBuilder()
        .WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();

    private static MqttClientOptions Options(MosquittoBroker broker, string role) => new MqttClientOptionsBuilder()
        .WithTcpServer(broker.Host, broker.Port)
        .WithProtocolVersion(MqttProtocolVersion.V311)
        .WithClientId(TestIds.ClientId("bench-mqttnet", role))
        .WithCredentials(MosquittoBrokerOptions.DefaultUser, MosquittoBrokerOptions.DefaultPassword)
        .WithCleanSession()
        .WithTimeout(TimeSpan.FromSeconds(30))
        .Build();
}
