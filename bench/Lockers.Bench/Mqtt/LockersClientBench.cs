using System.Diagnostics;
using Lockers.Mqtt.Client;
using Lockers.Mqtt.Packets;
using Lockers.Testing;
using Lockers.Testing.Mosquitto;

namespace Lockers.Bench.Mqtt;

/// <summary>Our client (Lockers.Mqtt) doing the work that mqttjs-bench.js does for MQTT.js.</summary>
internal static class LockersClientBench
{
    private static readonly TimeSpan RoundTripTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Time from the first publish to the last PUBACK of <see cref="MqttBenchOptions.Messages"/> QoS 1 messages, and the
    /// CPU this process used meanwhile (the bench process runs nothing else then).
    /// </summary>
    public static async Task<ThroughputRun> ThroughputAsync(MosquittoBroker broker, string topic, MqttBenchOptions options, CancellationToken cancellationToken)
    {
        await using var client = new MqttClient(Options(broker, "throughput", options));
        await client.ConnectAsync(cancellationToken);
        byte[] payload = BenchPayload.Filler(options.PayloadSize);
        await PublishWindowedAsync(client, topic + "/warmup", payload, options.ThroughputWarmup, options.Window, cancellationToken);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        int gen0Before = GC.CollectionCount(0);
        long started = Stopwatch.GetTimestamp();
        await PublishWindowedAsync(client, topic, payload, options.Messages, options.Window, cancellationToken);
        double seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        int gen0 = GC.CollectionCount(0) - gen0Before;
        await client.DisconnectAsync();
        return new ThroughputRun(options.Messages, seconds, cpu.TotalSeconds, allocated, gen0);
    }

    /// <summary>Milliseconds from publish to arrival at a second connection, one message at a time.</summary>
    public static async Task<IReadOnlyList<double>> RoundTripAsync(MosquittoBroker broker, string topic, MqttBenchOptions options, CancellationToken cancellationToken)
    {
        await using var publisher = new MqttClient(Options(broker, "rt-pub", options));
        await using var subscriber = new MqttClient(Options(broker, "rt-sub", options));
        await Task.WhenAll(publisher.ConnectAsync(cancellationToken), subscriber.ConnectAsync(cancellationToken));
        (await subscriber.SubscribeAsync(topic, MqttQos.AtLeastOnce, cancellationToken)).EnsureGranted();
        var samples = new List<double>(options.RoundTrips);
        int total = options.RoundTripWarmup + options.RoundTrips;
        for (int i = 0; i < total; i++)
        {
            string key = BenchPayload.Key(i);
            byte[] payload = BenchPayload.Sequenced(i, options.PayloadSize);
            long started = Stopwatch.GetTimestamp();
            var acknowledged = publisher.PublishAsync(topic, payload, MqttQos.AtLeastOnce, cancellationToken: cancellationToken);
            long arrived = await ArrivalAsync(subscriber, key, cancellationToken);
            await acknowledged.WaitAsync(RoundTripTimeout, cancellationToken);
            if (i >= options.RoundTripWarmup)
            {
                samples.Add(Stopwatch.GetElapsedTime(started, arrived).TotalMilliseconds);
            }
        }

        await Task.WhenAll(publisher.DisconnectAsync(), subscriber.DisconnectAsync());
        return samples;
    }

    /// <summary>Publishes <paramref name="count"/> messages keeping at most <paramref name="window"/> unacknowledged; returns after the last PUBACK.</summary>
    private static async Task PublishWindowedAsync(MqttClient client, string topic, byte[] payload, int count, int window, CancellationToken cancellationToken)
    {
        using var slots = new SemaphoreSlim(window, window);
        var inFlight = new List<Task>(count);
        for (int i = 0; i < count; i++)
        {
            await slots.WaitAsync(cancellationToken);
            inFlight.Add(PublishThenFreeSlotAsync(client, topic, payload, slots, cancellationToken));
        }

        await Task.WhenAll(inFlight);
    }

    private static async Task PublishThenFreeSlotAsync(MqttClient client, string topic, byte[] payload, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        try
        {
            await client.PublishAsync(topic, payload, MqttQos.AtLeastOnce, cancellationToken: cancellationToken);
        }
        finally
        {
            slots.Release();
        }
    }

    /// <summary>The timestamp at which the message with <paramref name="key"/> was read from the subscriber.</summary>
    private static async Task<long> ArrivalAsync(MqttClient subscriber, string key, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RoundTripTimeout);
        while (true)
        {
            MqttApplicationMessage message;
            try
            {
                message = await subscriber.Messages.ReadAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"Round-trip message {key} did not arrive within {RoundTripTimeout.TotalSeconds} s.");
            }

            long arrived = Stopwatch.GetTimestamp();
            if (BenchPayload.HasKey(message.Payload.Span, key))
            {
                return arrived;
            }
        }
    }

    private static MqttClientOptions Options(MosquittoBroker broker, string role, MqttBenchOptions options) => new()
    {
        Host = broker.Host,
        Port = broker.Port,
        ClientId = TestIds.ClientId("bench-lockers", role),
        UserName = MosquittoBrokerOptions.DefaultUser,
        Password = MosquittoBrokerOptions.DefaultPassword,
        MaxInflightPublishes = options.Window,
        // The window already bounds what is pending; the queue only needs room for it.
        OutgoingQueueCapacity = options.Window,
        // A lost connection must fail the run, not be papered over by a reconnect.
        AutoReconnect = false,
    };
}
