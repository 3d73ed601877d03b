using System.Buffers;
using Lockers.Mqtt.Channel;
using Lockers.Mqtt.Packets;

namespace Lockers.Mqtt.Tests.Channel;

public sealed class MqttPacketTransportTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4096)]
    public async Task Receive_PacketsSplitAcrossReads_DecodedWhole(int chunkSize)
    {
        var packets = new MqttPacket[]
        {
            new ConnAckPacket(true, ConnectReturnCode.Accepted),
            new PublishPacket("lockers/v1/7/events", new byte[10_000], MqttQos.AtLeastOnce, PacketId: 9),
            PingRespPacket.Instance,
        };
        await using var transport = new MqttPacketTransport(new ScriptedChannel(Encode(packets), chunkSize), 64 * 1024);

        foreach (var expected in packets)
        {
            var actual = await transport.ReceiveAsync(CancellationToken.None);
            Assert.Equal(expected.Type, actual!.Type);
            if (expected is PublishPacket publish)
            {
                Assert.Equal(publish.Payload.Length, ((PublishPacket)actual).Payload.Length);
            }
        }

        Assert.Null(await transport.ReceiveAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Receive_PacketOverLimit_ThrowsFromTheHeaderBeforeReadingTheBody()
    {
        var channel = new ScriptedChannel(Encode(new PublishPacket("t", new byte[100_000])), chunkSize: 16);
        await using var transport = new MqttPacketTransport(channel, 1024);

        var error = await Assert.ThrowsAsync<MqttProtocolException>(() => transport.ReceiveAsync(CancellationToken.None).AsTask());

        Assert.Contains("exceeds the maximum of 1024", error.Message);
        Assert.Equal(1, channel.ReadCalls);
    }

    [Fact]
    public async Task Receive_ConnectionClosedMidPacket_ThrowsEndOfStream()
    {
        byte[] whole = Encode(new PublishPacket("t", new byte[50]));
        await using var transport = new MqttPacketTransport(new ScriptedChannel(whole[..20], 64), 1024);

        await Assert.ThrowsAsync<EndOfStreamException>(() => transport.ReceiveAsync(CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task Send_ConcurrentCallers_EachPacketWrittenWhole()
    {
        var channel = new ScriptedChannel(Array.Empty<byte>(), 1);
        await using var transport = new MqttPacketTransport(channel, 1024);

        await Task.WhenAll(Enumerable.Range(1, 50).Select(i =>
            transport.SendAsync(new PublishPacket("t", new byte[i], MqttQos.AtLeastOnce, PacketId: (ushort)i), CancellationToken.None).AsTask()));

        Assert.Equal(50, channel.Writes.Count);
        foreach (var write in channel.Writes)
        {
            Assert.True(MqttPacketCodec.TryDecode(new ReadOnlySequence<byte>(write), 1024, out var packet, out var consumed));
            Assert.Equal(write.Length, (int)new ReadOnlySequence<byte>(write).Slice(0, consumed).Length);
            Assert.IsType<PublishPacket>(packet);
        }
    }

    private static byte[] Encode(params MqttPacket[] packets)
    {
        var buffer = new ArrayBufferWriter<byte>();
        foreach (var packet in packets)
        {
            MqttPacketCodec.Encode(packet, buffer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
