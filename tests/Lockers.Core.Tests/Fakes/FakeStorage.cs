using Lockers.Core.Ports;

namespace Lockers.Core.Tests.Fakes;

/// <summary>
/// In-memory <see cref="IStorage"/>. Stores copies so callers cannot change stored bytes by accident,
/// records every write and delete, and can simulate a full or failing flash.
/// </summary>
public sealed class FakeStorage : IStorage
{
    private readonly Dictionary<string, byte[]> _values = new(StringComparer.Ordinal);

    /// <summary>Every write, in order, as (key, copy of data).</summary>
    public List<(string Key, byte[] Data)> Writes { get; } = new();

    /// <summary>Every delete, in order.</summary>
    public List<string> Deletes { get; } = new();

    /// <summary>When set, Write throws this (an IOException stands for a full or broken flash).</summary>
    public Exception? FailWritesWith { get; set; }

    /// <summary>Keys currently stored.</summary>
    public IReadOnlyCollection<string> Keys => _values.Keys;

    public byte[] Read(string key)
    {
        CheckKey(key);
        return _values.TryGetValue(key, out var data) ? (byte[])data.Clone() : null!;
    }

    public void Write(string key, byte[] data)
    {
        CheckKey(key);
        ArgumentNullException.ThrowIfNull(data);
        if (FailWritesWith is not null) throw FailWritesWith;
        _values[key] = (byte[])data.Clone();
        Writes.Add((key, (byte[])data.Clone()));
    }

    public void Delete(string key)
    {
        CheckKey(key);
        _values.Remove(key);
        Deletes.Add(key);
    }

    public string[] List(string prefix) =>
        _values.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToArray();

    /// <summary>True when the key exists.</summary>
    public bool Contains(string key) => _values.ContainsKey(key);

    /// <summary>Puts bytes in place without recording a write (state left by an earlier boot, or a corrupt file).</summary>
    public void Seed(string key, byte[] data) => _values[key] = (byte[])data.Clone();

    // The port's contract: short keys of letters, digits, '-', '_' and '.'. Fail loudly so the core never relies on more.
    private static void CheckKey(string key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > 64)
            throw new ArgumentException($"bad storage key '{key}'", nameof(key));
        foreach (var c in key)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_' || c == '.'))
                throw new ArgumentException($"bad storage key '{key}'", nameof(key));
        }
    }
}
