using System.Text;

namespace Lockers.Mqtt.Tests.Interop;

/// <summary>Payloads that catch encoding mistakes: every byte value, and UTF-8 beyond ASCII (umlauts, a dash, emoji).</summary>
internal static class InteropPayloads
{
    public static byte[] EveryByteValue { get; } = Enumerable.Range(0, 256).Select(value => (byte)value).ToArray();

    public const string NonAsciiText = "Fach 17 – Paket für Zoë ✓ 📦 {\"code\":\"ÄÖÜß\"}";

    public static byte[] NonAsciiUtf8 { get; } = Encoding.UTF8.GetBytes(NonAsciiText);

    /// <summary>By name, for theories: "binary" or "utf8".</summary>
    public static byte[] Named(string name) => name switch
    {
        "binary" => EveryByteValue,
        "utf8" => NonAsciiUtf8,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "binary or utf8"),
    };
}
