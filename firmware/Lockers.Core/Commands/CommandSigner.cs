using System;
using System.Security.Cryptography;

namespace Lockers.Core.Commands
{
    /// <summary>
    /// Signs commands with one locker's key: HMAC-SHA256 over <see cref="SignedCommand.CanonicalBytes"/>,
    /// base64 in the "sig" field. The gateway signs with it; the locker's verifier recomputes the same.
    /// </summary>
    public sealed class CommandSigner
    {
        /// <summary>Shortest key accepted, in bytes; provisioning generates 32.</summary>
        public const int MinKeyLength = 16;

        private readonly byte[] _key;

        /// <summary>A signer for the locker whose key is <paramref name="key"/> (at least 16 bytes, 32 recommended).</summary>
        public CommandSigner(byte[] key)
        {
            if (key == null || key.Length < MinKeyLength)
            {
                throw new ArgumentException("a command key has at least " + MinKeyLength + " bytes");
            }

            _key = new byte[key.Length];
            Array.Copy(key, _key, key.Length);
        }

        /// <summary>The 32-byte HMAC-SHA256 of the command's canonical bytes.</summary>
        public byte[] ComputeSignature(SignedCommand command)
        {
            // The static one-shot (on .NET and nanoFramework alike): no HMAC instance to allocate, keep or dispose.
            return HMACSHA256.HashData(_key, command.CanonicalBytes());
        }

        /// <summary>
        /// Checks the command against the protocol rules (ArgumentException naming the field), sets its
        /// <see cref="SignedCommand.Signature"/> and returns it.
        /// </summary>
        public string Sign(SignedCommand command)
        {
            string problem = SignedCommandCodec.Problem(command);
            if (problem.Length > 0)
            {
                throw new ArgumentException(problem);
            }

            command.Signature = Convert.ToBase64String(ComputeSignature(command));
            return command.Signature;
        }

        /// <summary>Signs the command and returns the JSON payload to publish on its cmd topic.</summary>
        public byte[] SignToJson(SignedCommand command)
        {
            Sign(command);
            return command.ToJson();
        }
    }
}
