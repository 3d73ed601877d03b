using System;
using System.Security.Cryptography;
using Lockers.Core.Protocol;

namespace Lockers.Core.Acks
{
    /// <summary>
    /// Signs acks with one locker's command key (HMAC-SHA256 over <see cref="AckPayload.CanonicalBytes"/>, base64 in
    /// "sig"). The gateway signs with it; the locker checks with <see cref="AckVerifier"/>, which rebuilds the same bytes.
    /// </summary>
    public sealed class AckSigner
    {
        private readonly byte[] _key;

        /// <summary>A signer for the locker whose command key is <paramref name="key"/> (at least 16 bytes).</summary>
        public AckSigner(byte[] key)
        {
            if (key == null || key.Length < Commands.CommandSigner.MinKeyLength)
            {
                throw new ArgumentException("a command key has at least " + Commands.CommandSigner.MinKeyLength + " bytes");
            }

            _key = new byte[key.Length];
            Array.Copy(key, _key, key.Length);
        }

        /// <summary>The 32-byte HMAC-SHA256 of the ack's canonical bytes for <paramref name="lockerId"/>.</summary>
        public byte[] ComputeSignature(string lockerId, AckPayload ack) => HMACSHA256.HashData(_key, ack.CanonicalBytes(lockerId));

        /// <summary>Sets <see cref="AckPayload.Signature"/> and returns the ack.</summary>
        public AckPayload Sign(string lockerId, AckPayload ack)
        {
            ack.Signature = Convert.ToBase64String(ComputeSignature(lockerId, ack));
            return ack;
        }
    }
}
