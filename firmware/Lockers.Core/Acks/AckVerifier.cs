using System;
using System.Security.Cryptography;
using Lockers.Core.Commands;
using Lockers.Core.Json;
using Lockers.Core.Protocol;

namespace Lockers.Core.Acks
{
    /// <summary>
    /// The locker's gate for acks: reads one (<see cref="AckReader"/> straight from its bytes, the general JSON parser
    /// for anything unusual), checks that it is for the journal's current epoch and that its signature is this
    /// locker's, compared in fixed time. An accepted ack costs one small array (the HMAC; the canonical bytes are rebuilt
    /// in place): a pickup is acknowledged up to three times, inside the firmware's allocation budget (ADR 0005). Not thread-safe:
    /// the controller's lock covers it.
    /// </summary>
    public sealed class AckVerifier
    {
        private readonly byte[] _key;
        private readonly byte[] _prefix; // "lockers-ack-v1\n<locker>\n", the start of every canonical form
        private readonly AckReader _reader = new AckReader();
        private byte[]? _canonical;

        /// <summary>A verifier for <paramref name="lockerId"/> with its command key.</summary>
        public AckVerifier(string lockerId, byte[] key)
        {
            if (key == null || key.Length < CommandSigner.MinKeyLength)
            {
                throw new ArgumentException("a command key has at least " + CommandSigner.MinKeyLength + " bytes");
            }

            _key = new byte[key.Length];
            Array.Copy(key, _key, key.Length);
            string prefix = AckPayload.CanonicalTag + "\n" + lockerId + "\n";
            _prefix = new byte[prefix.Length];
            for (int i = 0; i < prefix.Length; i++)
            {
                _prefix[i] = (byte)prefix[i]; // ASCII: locker ids are A-Z a-z 0-9 - _
            }
        }

        /// <summary>The seq of the last accepted ack.</summary>
        public long Seq { get; private set; }

        /// <summary>Whether the last accepted ack asked for a replay.</summary>
        public bool Replay { get; private set; }

        /// <summary>Decides about one payload received on the ack channel, for a journal numbering in <paramref name="epoch"/>.</summary>
        public AckVerdict Verify(byte[] payload, string epoch)
        {
            if (payload == null)
            {
                return AckVerdict.Malformed;
            }

            if (_reader.TryRead(payload))
            {
                if (!SameEpoch(payload, _reader.EpochStart, _reader.EpochLength, epoch))
                {
                    return AckVerdict.OtherEpoch;
                }

                return Check(epoch, _reader.Seq, _reader.Replay, _reader.Signature);
            }

            // Unusual but possibly valid JSON (escapes, unknown fields): the general parser decides, allocating as it does.
            AckPayload ack;
            byte[] claimed;
            try
            {
                ack = AckPayload.Parse(payload);
                claimed = Convert.FromBase64String(ack.Signature);
            }
            catch (Exception)
            {
                // JsonException, or a signature that is not base64 (the exception type differs between .NET and nanoFramework).
                return AckVerdict.Malformed;
            }

            return ack.Epoch != epoch ? AckVerdict.OtherEpoch : Check(epoch, ack.Seq, ack.Replay, claimed);
        }

        private AckVerdict Check(string epoch, long seq, bool replay, byte[] claimed)
        {
            if (claimed.Length != 32 || seq < 0)
            {
                return AckVerdict.Malformed;
            }

            byte[] expected = HMACSHA256.HashData(_key, Canonical(epoch, seq, replay));
            if (!FixedTime.AreEqual(expected, claimed))
            {
                return AckVerdict.BadSignature;
            }

            Seq = seq;
            Replay = replay;
            return AckVerdict.Accepted;
        }

        // The canonical bytes (HashData takes a whole array): prefix, epoch, seq in 19 digits, replay flag. Their length
        // depends only on the epoch's, which is fixed for a journal's life, so one array is filled in place each time.
        private byte[] Canonical(string epoch, long seq, bool replay)
        {
            int length = _prefix.Length + epoch.Length + 1 + AckPayload.CanonicalSeqDigits + 2;
            if (_canonical == null || _canonical.Length != length)
            {
                _canonical = new byte[length];
                Array.Copy(_prefix, _canonical, _prefix.Length);
            }

            byte[] bytes = _canonical;
            int at = _prefix.Length;
            for (int i = 0; i < epoch.Length; i++) bytes[at++] = (byte)epoch[i];
            bytes[at++] = (byte)'\n';
            for (int i = at + AckPayload.CanonicalSeqDigits - 1; i >= at; i--)
            {
                bytes[i] = (byte)('0' + (int)(seq % 10));
                seq /= 10;
            }

            at += AckPayload.CanonicalSeqDigits;
            bytes[at++] = (byte)'\n';
            bytes[at] = replay ? (byte)'1' : (byte)'0';
            return bytes;
        }

        private static bool SameEpoch(byte[] payload, int start, int length, string epoch)
        {
            if (length != epoch.Length)
            {
                return false;
            }

            for (int i = 0; i < length; i++)
            {
                if (payload[start + i] != (byte)epoch[i]) return false;
            }

            return true;
        }
    }
}
