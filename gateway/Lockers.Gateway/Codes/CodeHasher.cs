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

    /// <summary>
    /// The recipient's PIN, derived from the access token: the <paramref name="index"/>-th candidate (the issuer takes the
    /// first one not live at the site), so the parcel page can show it from its link while only hashes are stored.
    /// </summary>
    public string PinFor(string accessToken, int index, int length)
    {
        var bytes = HMACSHA256.HashData(secrets.PinKey, Encoding.UTF8.GetBytes($"{accessToken}\n{index}"));
        // 64 random bits modulo at most 10^10: the bias is below 10^-9.
        var value = BitConverter.ToUInt64(bytes, 0) % (ulong)Math.Pow(10, length);
        return value.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(length, '0');
    }

    /// <summary>HMAC of a courier's badge token or PIN (not tied to a site: a courier uses them at every site of the carrier).</summary>
    public byte[] HashCourierCode(string kind, string code) =>
        HMACSHA256.HashData(secrets.CourierKey, Encoding.UTF8.GetBytes(kind + "\n" + code));

    /// <summary>Fixed-time comparison: the time taken says nothing about how many bytes matched.</summary>
    public static bool Matches(byte[] expected, byte[] actual) => CryptographicOperations.FixedTimeEquals(expected, actual);

    public static string Base64UrlText(ReadOnlySpan<byte> bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);
}
