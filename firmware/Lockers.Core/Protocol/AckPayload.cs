using System.Text;
using Lockers.Core.Json;

namespace Lockers.Core.Protocol
{
    /// <summary>
    /// The gateway's end-to-end acknowledgement on a locker's ack channel: "every event of <see cref="Epoch"/> up to
    /// <see cref="Seq"/> is applied" (cumulative, so a lost ack is repaired by the next), and with
    /// <see cref="Replay"/> "and send me everything after it again" (the gateway saw a gap). Signed like a command,
    /// with the locker's own key, over <see cref="CanonicalBytes"/>: an ack makes the locker delete events, so one the
    /// gateway did not send must not be able to. It carries no counter and no expiry because replaying a genuine ack
    /// only confirms what was really applied.
    /// </summary>
    public sealed class AckPayload
    {
        /// <summary>First line of the canonical form.</summary>
        public const string CanonicalTag = "lockers-ack-v1";

        /// <summary>The epoch the acknowledged events belong to (see <see cref="Epochs"/>).</summary>
        public string Epoch { get; set; } = "";

        /// <summary>Highest seq of the epoch applied with none missing below it; 0 when none is yet.</summary>
        public long Seq { get; set; }

        /// <summary>True to ask the locker to send every event after <see cref="Seq"/> again.</summary>
        public bool Replay { get; set; }

        /// <summary>Base64 of the 32-byte HMAC-SHA256 over <see cref="CanonicalBytes"/>; "" until signed.</summary>
        public string Signature { get; set; } = "";

        /// <summary>Digits of the seq in the canonical form: zero-padded to the width of the largest seq (a long).</summary>
        public const int CanonicalSeqDigits = 19;

        /// <summary>
        /// What is signed: five lines joined by LF, no trailing LF: the tag, the locker id, the epoch, the seq as 19
        /// zero-padded decimal digits, and 1 or 0 for replay. The locker id binds the ack to one locker even if two
        /// shared a key. The fixed width keeps the canonical form one length for a locker's whole epoch, so the locker
        /// rebuilds it in one reused array (ADR 0005's allocation budget).
        /// </summary>
        public byte[] CanonicalBytes(string lockerId) =>
            Encoding.UTF8.GetBytes(CanonicalTag + "\n" + lockerId + "\n" + Epoch + "\n"
                + JsonNumber.FormatInteger(Seq).PadLeft(CanonicalSeqDigits, '0') + "\n" + (Replay ? "1" : "0"));

        /// <summary>Compact UTF-8 JSON: epoch, seq, replay (only when true), sig.</summary>
        public byte[] ToJson()
        {
            var writer = new JsonWriter();
            writer.BeginObject().Field(Fields.Epoch, Epoch).Field(Fields.Seq, Seq);
            if (Replay)
            {
                writer.Field(Fields.Replay, true);
            }

            return writer.Field(Fields.Signature, Signature).EndObject().ToUtf8();
        }

        /// <summary>Reads and checks an ack (not its signature); throws <see cref="JsonException"/> naming the bad field.</summary>
        public static AckPayload Parse(byte[] utf8)
        {
            JsonObject json = JsonParser.ParseObjectUtf8(utf8);
            var ack = new AckPayload
            {
                Epoch = json.GetString(Fields.Epoch),
                Seq = json.GetLong(Fields.Seq),
                Replay = json.GetBool(Fields.Replay, false),
                Signature = json.GetString(Fields.Signature),
            };
            PayloadRules.Require(Epochs.IsValid(ack.Epoch), Fields.Epoch, "expected 16 lowercase hex digits or \"\"");
            PayloadRules.Require(ack.Seq >= 0, Fields.Seq, "must not be negative");
            return ack;
        }
    }
}
