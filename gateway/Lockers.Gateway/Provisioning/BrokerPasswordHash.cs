using System.Security.Cryptography;

namespace Lockers.Gateway.Provisioning;

/// <summary>
/// A broker password hash in Mosquitto 2's password-file format, <c>$7$&lt;iterations&gt;$&lt;salt&gt;$&lt;hash&gt;</c>
/// (PBKDF2-HMAC-SHA512, 12-byte salt, 64-byte hash, base64). The store keeps this, never the password, and a
/// broker's password file can be rebuilt from it as <c>user:hash</c> lines.
/// </summary>
public static class BrokerPasswordHash
{
    /// <summary>mosquitto_passwd's own default. Enough here: the passwords are 192 random bits, not guessable words.</summary>
    public const int Iterations = 101;

    private const int SaltBytes = 12;
    private const int HashBytes = 64;

    public static string Create(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, Iterations, HashAlgorithmName.SHA512, HashBytes);
        return $"$7${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    /// <summary>True when <paramref name="password"/> matches; false for a wrong password or a hash in another format.</summary>
    public static bool Verify(string password, string encoded)
    {
        var parts = encoded.Split('$');
        if (parts is not ["", "7", var iterationsText, var saltText, var hashText] || !int.TryParse(iterationsText, out var iterations) || iterations < 1)
        {
            return false;
        }

        try
        {
            var expected = Convert.FromBase64String(hashText);
            var actual = Rfc2898DeriveBytes.Pbkdf2(password, Convert.FromBase64String(saltText), iterations, HashAlgorithmName.SHA512, expected.Length);
            return CryptographicOperations.FixedTimeEquals(actual, expected);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>A random broker password: 24 bytes as base64url (32 characters, nothing a shell or config file would mangle).</summary>
    public static string NewPassword() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
}
