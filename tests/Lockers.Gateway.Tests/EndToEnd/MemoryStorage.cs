using Lockers.Core.Ports;

namespace Lockers.Gateway.Tests.EndToEnd;

/// <summary>The core's storage in memory: what a test locker keeps (its last accepted command counter).</summary>
public sealed class MemoryStorage : IStorage
{
    private readonly Dictionary<string, byte[]> _values = new();

    public byte[] Read(string key) => _values.TryGetValue(key, out var value) ? value : null!;

    public void Write(string key, byte[] data) => _values[key] = data;

    public void Delete(string key) => _values.Remove(key);

    public string[] List(string prefix) => _values.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToArray();
}
