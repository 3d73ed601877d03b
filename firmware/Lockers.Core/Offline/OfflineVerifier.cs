using System;
using System.Security.Cryptography;
using System.Text;
using Lockers.Core.Protocol;

namespace Lockers.Core.Offline
{
    /// <summary>
    /// The verifier of a code in a locker's offline cache: the first 16 bytes of HMAC-SHA256 over the code's UTF-8, keyed
    /// with a key derived from that locker's own command key. The gateway computes it when it pushes the cache, the locker
    /// when a code is entered; neither the code nor the gateway's pepper ever reaches the locker, and one locker's
    /// verifiers are useless against another's (docs/adr/0019-offline-code-checks.md weighs what a flash dump gives away).
    /// </summary>
    public static class OfflineVerifier
    {
        /// <summary>What the verifier key is derived for, so it never equals a key used for anything else.</summary>
        public const string KeyPurpose = "lockers/v1/offline-codes";

        /// <summary>The locker's verifier key: HMAC-SHA256(command key, "lockers/v1/offline-codes").</summary>
        public static byte[] DeriveKey(byte[] commandKey)
        {
            if (commandKey == null || commandKey.Length == 0) throw new ArgumentException("a command key is required");
            return HMACSHA256.HashData(commandKey, Encoding.UTF8.GetBytes(KeyPurpose));
        }

        /// <summary>The 16-byte verifier of <paramref name="code"/> under <paramref name="key"/> (from <see cref="DeriveKey"/>).</summary>
        public static byte[] Compute(byte[] key, string code)
        {
            byte[] mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(code));
            var verifier = new byte[CachedCodes.VerifierLength];
            Array.Copy(mac, verifier, verifier.Length);
            Array.Clear(mac, 0, mac.Length);
            return verifier;
        }
    }
}
