using System.Text;

namespace Lockers.Bench.Mqtt;

/// <summary>
/// Payloads shaped like tests/interop/mqttjs-bench.js makes them: throughput messages are <c>size</c> bytes of 'a';
/// round-trip messages start with their 10-digit sequence number so the awaited one is recognised.
/// </summary>
internal static class BenchPayload
{
    public const int KeyLength = 10;

    public static byte[] Filler(int size) => Enumerable.Repeat((byte)'a', size).ToArray();

    public static byte[] Sequenced(int sequence, int size)
    {
        var payload = Enumerable.Repeat((byte)'b', Math.Max(size, KeyLength + 2)).ToArray();
        Encoding.ASCII.GetBytes(Key(sequence), payload);
        return payload;
    }

    public static string Key(int sequence) => sequence.ToString("D10", System.Globalization.CultureInfo.InvariantCulture);

    public static bool HasKey(ReadOnlySpan<byte> payload, string key)
        => payload.Length >= KeyLength && Encoding.ASCII.GetString(payload[..KeyLength]) == key;
}
