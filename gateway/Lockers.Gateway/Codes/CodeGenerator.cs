using System.Security.Cryptography;

namespace Lockers.Gateway.Codes;

/// <summary>Cryptographically random codes and tokens.</summary>
public static class CodeGenerator
{
    /// <summary>Digits only: every keypad has them, and a courier's scanner reads them from a label.</summary>
    public static string Digits(int length) =>
        string.Create(length, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('0' + RandomNumberGenerator.GetInt32(10));
            }
        });

    /// <summary>base64url of <paramref name="bytes"/> random bytes (16 bytes = 128 bits = 22 characters).</summary>
    public static string Token(int bytes = 16) => CodeHasher.Base64UrlText(RandomNumberGenerator.GetBytes(bytes));
}
