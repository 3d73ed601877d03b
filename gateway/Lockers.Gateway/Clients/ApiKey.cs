using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Lockers.Gateway.Clients;

/// <summary>
/// API key text: "lk_" + 12 hex characters of lookup prefix + "_" + 43 characters of base64url secret (256 bits).
/// The prefix finds the stored hash without scanning; the secret is what proves possession.
/// </summary>
public static class ApiKey
{
    private const string Scheme = "lk_";
    private const int PrefixLength = 12;
    private const int SecretLength = 43;
    public const int Length = 3 + PrefixLength + 1 + SecretLength;

    public static string Generate() =>
        Scheme + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(PrefixLength / 2)) + "_" +
        Codes.CodeGenerator.Token(32);

    public static bool TryGetPrefix(string key, [NotNullWhen(true)] out string? prefix)
    {
        prefix = null;
        if (key.Length != Length || !key.StartsWith(Scheme, StringComparison.Ordinal) || key[3 + PrefixLength] != '_')
        {
            return false;
        }
        prefix = key.Substring(3, PrefixLength);
        return prefix.All(Uri.IsHexDigit);
    }
}
