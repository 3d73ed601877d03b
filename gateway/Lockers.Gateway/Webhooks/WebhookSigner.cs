using System.Security.Cryptography;
using System.Text;

namespace Lockers.Gateway.Webhooks;

/// <summary>
/// Lockers-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "t.body" under the client's webhook secret&gt;.
/// The timestamp lets receivers refuse replays older than a few minutes.
/// </summary>
public static class WebhookSigner
{
    public const string HeaderName = "Lockers-Signature";

    public static string Sign(string secret, long unixSeconds, string body)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{unixSeconds}.{body}"));
        return $"t={unixSeconds},v1={Convert.ToHexStringLower(mac)}";
    }

    /// <summary>What a receiver does: recompute and compare in fixed time.</summary>
    public static bool Verify(string secret, string header, string body)
    {
        var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        if (!parts.TryGetValue("t", out var t) || !long.TryParse(t, out var unix) || !parts.TryGetValue("v1", out var given))
        {
            return false;
        }
        var expected = Sign(secret, unix, body);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(header.Trim()));
    }
}
