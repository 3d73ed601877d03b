using Lockers.Mqtt.Channel;

namespace Lockers.Mqtt.Tests.Channel;

/// <summary>A channel that returns pre-set bytes in chunks of a chosen size, then end of stream; records writes.</summary>
internal sealed class ScriptedChannel : IMqttChannel
{
    private readonly byte[] _incoming;
    private readonly int _chunkSize;
    private int _position;

    public ScriptedChannel(byte[] incoming, int chunkSize)
    {
        _incoming = incoming;
        _chunkSize = chunkSize;
    }

    public List<byte[]> Writes { get; } = new();

    public int ReadCalls { get; private set; }

    public string Endpoint => "scripted://";

    public Task ConnectAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        ReadCalls++;
        int count = Math.Min(Math.Min(_chunkSize, buffer.Length), _incoming.Length - _position);
        _incoming.AsMemory(_position, count).CopyTo(buffer);
        _position += count;
        return ValueTask.FromResult(count);
    }

    public ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        Writes.Add(data.ToArray());
        return ValueTask.CompletedTask;
    }

    public void Abort()
    {
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
