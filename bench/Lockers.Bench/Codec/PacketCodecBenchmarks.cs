#if BENCHMARKDOTNET
// Lockers.Bench does not reference BenchmarkDotNet yet; this guard keeps the solution building until
// it does. Add the PackageReference and delete the guard (or define BENCHMARKDOTNET) together.
using System.Buffers;
using BenchmarkDotNet.Attributes;
using Lockers.Mqtt.Packets;

namespace Lockers.Bench.Codec;

/// <summary>
/// Encode and decode of a typical locker event: a QoS 1 PUBLISH of 200 bytes in total
/// (a 26-byte topic and a 167-byte JSON payload), contiguous and split across three segments.
/// </summary>
[MemoryDiagnoser]
public class PacketCodecBenchmarks
{
    private const int MaxPacketSize = 64 * 1024;

    private readonly ArrayBufferWriter<byte> _output = new(1024);
    private PublishPacket _packet = null!;
    private ReadOnlySequence<byte> _contiguous;
    private ReadOnlySequence<byte> _segmented;

    [GlobalSetup]
    public void Setup()
    {
        byte[] payload = System.Text.Encoding.UTF8.GetBytes(
            "{\"seq\":123456,\"type\":\"door\",\"door\":17,\"state\":\"opened\",\"code\":\"pickup\",\"parcel\":\"JJD0001234567890\",\"at\":\"2026-11-23T18:00:00.000Z\",\"sig\":\"3q2+7w==\",\"fw\":\"1.4.2-esp32\"}");
        _packet = new PublishPacket("lockers/v1/lk-000042/event", payload, MqttQos.AtLeastOnce, PacketId: 4242);
        var writer = new ArrayBufferWriter<byte>();
        MqttPacketCodec.Encode(_packet, writer);
        byte[] bytes = writer.WrittenSpan.ToArray();
        _contiguous = new ReadOnlySequence<byte>(bytes);
        _segmented = ThreeSegments(bytes);
        if (bytes.Length != 200)
        {
            throw new InvalidOperationException($"the typical PUBLISH should be 200 bytes, is {bytes.Length}");
        }
    }

    [Benchmark(Baseline = true)]
    public int Encode()
    {
        _output.ResetWrittenCount();
        return MqttPacketCodec.Encode(_packet, _output);
    }

    [Benchmark]
    public MqttPacket? Decode()
    {
        MqttPacketCodec.TryDecode(_contiguous, MaxPacketSize, out MqttPacket? packet, out _);
        return packet;
    }

    [Benchmark]
    public MqttPacket? DecodeSegmented()
    {
        MqttPacketCodec.TryDecode(_segmented, MaxPacketSize, out MqttPacket? packet, out _);
        return packet;
    }

    private static ReadOnlySequence<byte> ThreeSegments(byte[] bytes)
    {
        var first = new Segment(bytes.AsMemory(0, 3), 0);
        Segment second = first.Append(bytes.AsMemory(3, 50));
        Segment third = second.Append(bytes.AsMemory(53));
        return new ReadOnlySequence<byte>(first, 0, third, third.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
#endif
