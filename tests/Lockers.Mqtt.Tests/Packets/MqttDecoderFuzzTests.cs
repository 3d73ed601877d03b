using System.Buffers;
using System.Diagnostics;
using Lockers.Mqtt.Packets;
using Xunit.Abstractions;

namespace Lockers.Mqtt.Tests.Packets;

/// <summary>
/// Feeds the decoder 120,000 seeded random and mutated inputs. It may only return true or false or
/// throw <see cref="MqttProtocolException"/>; whatever it accepts must re-encode to the same bytes;
/// and no decode may allocate more than the maximum packet size plus a small allowance for objects.
/// Set LOCKERS_FUZZ_SEED to explore other seeds; failures print the seed and the input in hex.
/// </summary>
public class MqttDecoderFuzzTests(ITestOutputHelper output)
{
    private const int DefaultSeed = 20261123;
    private const int Iterations = 120_000;
    private const int MaxPacketSize = 4096;

    /// <summary>Room for the exception, its message and stack trace, and the packet objects themselves.</summary>
    private const long ObjectAllowance = 4096;

    /// <summary>
    /// Stops the test when a decode never returns. Not a speed limit: the loop's few seconds may grow many times on a
    /// loaded machine, and how fast the decoder is belongs to the benchmarks (./lockers bench micro).
    /// </summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(3);

    private int _iteration;

    [Fact]
    public async Task TryDecode_RandomAndMutatedInputs_OnlyReturnsOrThrowsProtocolException()
    {
        int seed = int.TryParse(Environment.GetEnvironmentVariable("LOCKERS_FUZZ_SEED"), out int chosen) ? chosen : DefaultSeed;
        var stats = new FuzzStats();
        var clock = Stopwatch.StartNew();
        // On a thread of its own, so a decode that hangs fails the test instead of hanging the run.
        var fuzz = Task.Factory.StartNew(() => Fuzz(seed, stats), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            await fuzz.WaitAsync(HangGuard);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"seed {seed}: no end after {HangGuard.TotalMinutes} min, at iteration {Volatile.Read(ref _iteration)}: a decode hangs");
        }

        output.WriteLine($"seed {seed}: {Iterations} inputs in {clock.ElapsedMilliseconds} ms; {stats}");
        // The mutations must reach every outcome, or the fuzzer is only testing the fixed header.
        Assert.True(stats.Decoded > 1000, stats.ToString());
        Assert.True(stats.Malformed > 1000, stats.ToString());
        Assert.True(stats.Incomplete > 1000, stats.ToString());
        Assert.Equal(Enum.GetValues<MqttPacketType>().Length, stats.DecodedTypes.Count);
    }

    /// <summary>The loop itself, on one thread: the allocation checks count that thread's bytes, warm-up included.</summary>
    private void Fuzz(int seed, FuzzStats stats)
    {
        var random = new Random(seed);
        byte[][] corpus = SamplePackets.Small().Select(PacketBytes.Encode).ToArray();
        var mutator = new PacketMutator(random, corpus);
        WarmUp(corpus);

        for (int iteration = 0; iteration < Iterations; iteration++)
        {
            Volatile.Write(ref _iteration, iteration);
            byte[] input = mutator.Next();
            bool segmented = random.Next(4) == 0;
            ReadOnlySequence<byte> sequence = segmented ? SplitRandomly(input, random) : new ReadOnlySequence<byte>(input);
            try
            {
                DecodeAll(sequence, stats);
            }
            catch (Exception e)
            {
                // Anything escaping DecodeAll is a failure: a foreign exception or a broken invariant.
                Assert.Fail($"seed {seed}, iteration {iteration}, segmented {segmented}: {e.GetType().Name}: {e.Message}\n" +
                    $"input: {PacketBytes.ToHex(input)}");
            }
        }
    }

    /// <summary>
    /// Pays one-off costs that belong to the runtime, not to a decode, before measuring: the shared
    /// array pool's first buffer and per-thread bookkeeping, the first exception thrown on the thread,
    /// and first-call initialisation along every packet type's path.
    /// </summary>
    private static void WarmUp(IEnumerable<byte[]> corpus)
    {
        byte[] largest = PacketBytes.Encode(new PublishPacket("a", new byte[MaxPacketSize - 6]));
        Assert.True(MqttPacketCodec.TryDecode(PacketBytes.Segmented(largest, 100), MaxPacketSize, out _, out _));
        foreach (byte[] packet in corpus)
        {
            Assert.True(MqttPacketCodec.TryDecode(new ReadOnlySequence<byte>(packet), MaxPacketSize, out _, out _));
        }
        Assert.Throws<MqttProtocolException>(() => MqttPacketCodec.TryDecode(new ReadOnlySequence<byte>([0, 0]), MaxPacketSize, out _, out _));
    }

    private static ReadOnlySequence<byte> SplitRandomly(byte[] input, Random random)
    {
        int[] cuts = Enumerable.Range(0, random.Next(1, 6)).Select(_ => random.Next(1, Math.Max(2, input.Length))).ToArray();
        return PacketBytes.Segmented(input, cuts);
    }

    /// <summary>Decodes packets until the input runs out, checking every invariant on the way.</summary>
    private static void DecodeAll(ReadOnlySequence<byte> remaining, FuzzStats stats)
    {
        // Each successful decode consumes at least 2 bytes, so this loop ends.
        while (true)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            bool decoded;
            MqttPacket? packet;
            SequencePosition consumed;
            try
            {
                decoded = MqttPacketCodec.TryDecode(remaining, MaxPacketSize, out packet, out consumed);
            }
            catch (MqttProtocolException)
            {
                stats.Malformed++;
                CheckAllocation(before, remaining, stats);
                return;
            }
            CheckAllocation(before, remaining, stats);
            if (!decoded)
            {
                Assert.Null(packet);
                Assert.Equal(remaining.Start, consumed);
                stats.Incomplete++;
                return;
            }
            Assert.NotNull(packet);
            ReadOnlySequence<byte> packetBytes = remaining.Slice(0, consumed);
            Assert.InRange(packetBytes.Length, 2, MaxPacketSize);
            AssertReencodesToSameBytes(packet, packetBytes.ToArray());
            stats.Decoded++;
            stats.DecodedTypes.Add(packet.Type);
            remaining = remaining.Slice(consumed);
        }
    }

    /// <summary>
    /// Fails when a decode allocated more than the maximum packet size plus the allowance. A decode's
    /// allocations are a deterministic function of its input, so an excess is measured a second time:
    /// the runtime occasionally charges a one-off cost (tiering, pool trimming) to whichever call is
    /// running, and that must not be blamed on the decoder; an excess that repeats is the decoder's.
    /// </summary>
    private static void CheckAllocation(long before, ReadOnlySequence<byte> input, FuzzStats stats)
    {
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        const long bound = MaxPacketSize + ObjectAllowance;
        if (allocated > bound)
        {
            stats.Remeasured++;
            long first = allocated;
            before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                MqttPacketCodec.TryDecode(input, MaxPacketSize, out _, out _);
            }
            catch (MqttProtocolException)
            {
                // Same outcome as the first time; only the allocation is of interest here.
            }
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(allocated <= bound, $"one decode allocated {first} bytes, and {allocated} when repeated (bound {bound})");
        }
        stats.MaxAllocation = Math.Max(stats.MaxAllocation, allocated);
    }

    /// <summary>
    /// Whatever the decoder accepts, the encoder must accept and write back identically; the only
    /// permitted difference is a non-minimal remaining length in the input (spec 3.1.1 allows it).
    /// </summary>
    private static void AssertReencodesToSameBytes(MqttPacket packet, byte[] original)
    {
        byte[] reencoded = PacketBytes.Encode(packet);
        Assert.Equal(original[0], reencoded[0]);
        Assert.True(RemainingLengthField.TryRead(original.AsSpan(1), out _, out int originalField));
        Assert.True(RemainingLengthField.TryRead(reencoded.AsSpan(1), out _, out int reencodedField));
        Assert.Equal(PacketBytes.ToHex(original.AsSpan(1 + originalField)), PacketBytes.ToHex(reencoded.AsSpan(1 + reencodedField)));
    }

    private sealed class FuzzStats
    {
        public int Decoded { get; set; }
        public int Malformed { get; set; }
        public int Incomplete { get; set; }
        public HashSet<MqttPacketType> DecodedTypes { get; } = [];
        public long MaxAllocation { get; set; }
        public int Remeasured { get; set; }

        public override string ToString() =>
            $"decoded {Decoded} packets ({DecodedTypes.Count} types), malformed {Malformed}, " +
            $"needing more bytes {Incomplete}, largest allocation by one decode {MaxAllocation} bytes (re-measured {Remeasured} time(s))";
    }
}
