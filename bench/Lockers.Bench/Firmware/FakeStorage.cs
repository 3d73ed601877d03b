using Lockers.Core.Ports;

namespace Lockers.Bench.Firmware;

/// <summary>
/// In-memory flash that keeps the arrays it is given and hands the same arrays back (no defensive copies),
/// so whatever the benchmark counts was allocated by the core, not by this fake. On the device a read
/// allocates the file's bytes; the report prints the payload sizes beside the core's figures for that reason.
/// </summary>
public sealed class FakeStorage : IStorage
{
    // Presized so adding a key never grows the table during a measurement.
    private readonly Dictionary<string, byte[]> _values = new(1024, StringComparer.Ordinal);

    public byte[] Read(string key) => _values.TryGetValue(key, out byte[]? data) ? data : null!;

    public void Write(string key, byte[] data) => _values[key] = data;

    public void Delete(string key) => _values.Remove(key);

    // Only at start-up (journal recovery); allocation here is not measured.
    public string[] List(string prefix) => _values.Keys.Where(key => key.StartsWith(prefix, StringComparison.Ordinal)).ToArray();
}
