using System.Security.Cryptography;
using System.Text;

namespace Lockers.Gateway.Codes;

/// <summary>HMAC-SHA256 of codes under the pepper. The site is part of the input, so equal PINs at two sites hash apart.</summary>
public sealed class CodeHasher(CodeSecrets secrets)
{
    public byte[] HashCode(string siteId, string code) =>
        HMACSHA256.HashData(secrets.CodeHashKey, Encoding.UTF8.GetBytes(siteId + "\n" + code));

    public byte[] HashAccessToken(string accessToken) =>
        HMACSHA256.HashData(secrets.AccessTokenKey, Encoding.UTF8.GetBytes(accessToken));

    /// <summary>The QR token is derived from the access token, so the QR image can be drawn again from the link alone.</summary>
    public string QrTokenFor(string accessToken) =>
        Base64UrlText(HMACSHA256.HashData(secrets.QrTokenKey, Encoding.UTF8.GetBytes(accessToken)).AsSpan(0, 16));

    /// <summary>Fixed-time comparison: the time taken says nothing about how many bytes matched.</summary>
    public static bool Matches(byte[] expected, byte[] actual) => CryptographicOperations.FixedTimeEquals(expected, actual);

    public static string Base64UrlText(ReadOnlySpan<byte> bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);
}
