using Lockers.Core.Json;
using Lockers.Core.Protocol;

namespace Lockers.Core.Commands
{
    /// <summary>
    /// A command from the gateway to one locker. Every field, including the arguments the action does
    /// not use (left at their defaults), is covered by the HMAC-SHA256 signature through
    /// <see cref="CanonicalText"/>; JSON is only the envelope and is never re-serialised for signing.
    /// </summary>
    public sealed class SignedCommand
    {
        /// <summary>First line of the canonical form; a new canonical form gets a new tag.</summary>
        public const string CanonicalTag = "lockers-cmd-v2";

        /// <summary>Longest command id.</summary>
        public const int MaxCommandIdLength = 64;

        /// <summary>The locker the command is for.</summary>
        public string LockerId { get; set; } = "";

        /// <summary>Gateway-chosen id, echoed in cmd/result; 1 to 64 printable characters.</summary>
        public string CommandId { get; set; } = "";

        /// <summary>Per-locker counter, at least 1; the locker accepts only values above the last accepted one.</summary>
        public long Counter { get; set; }

        /// <summary>Last valid second (Unix seconds UTC): the locker refuses the command when its clock is past it.</summary>
        public long ExpiresAt { get; set; }

        /// <summary>One of <see cref="CommandActions"/>.</summary>
        public string Action { get; set; } = "";

        /// <summary>unlock, out_of_service: compartment number (out_of_service: 0 = whole locker).</summary>
        public int Compartment { get; set; }

        /// <summary>out_of_service: true to take out of service, false to return it.</summary>
        public bool On { get; set; }

        /// <summary>show_message, show_message_key, deny: keypad or scanner id.</summary>
        public string Reader { get; set; } = "";

        /// <summary>Longest resting time of a show_message_key text, in seconds (two hours: the longest courier round idle time).</summary>
        public const int MaxRestS = 7200;

        /// <summary>
        /// deny: seconds the reader is throttled, 0 for none. show_message_key: seconds the text stays as the display's
        /// resting text, the one it returns to after transient messages (a courier round's step; 0: none, shown for the usual
        /// hold, then idle), at most <see cref="MaxRestS"/>. One signed number serves both, so an older locker that does not
        /// know resting texts still verifies the command and shows the text as before (ADR 0311).
        /// </summary>
        public int RetryAfterS { get; set; }

        /// <summary>show_message: the text (may contain line breaks: it is the last canonical line); show_message_key: key|arg|arg.</summary>
        public string Text { get; set; } = "";

        /// <summary>
        /// unlock, show_message, deny: the code entry (from its code_entered event) this command answers; the locker runs
        /// it only while that entry waits within its answer window. 0 for a command that answers no entry (a remote open).
        /// </summary>
        public long Entry { get; set; }

        /// <summary>sync_codes: the version of the offline code cache the part belongs to, at least 1.</summary>
        public long Version { get; set; }

        /// <summary>sync_codes: this part's number, 1..<see cref="Parts"/>.</summary>
        public int Part { get; set; }

        /// <summary>sync_codes: how many parts the version has, 1..<see cref="CachedCodes.MaxParts"/>.</summary>
        public int Parts { get; set; }

        /// <summary>sync_codes: the part's cached codes in <see cref="CachedCodes"/>' text form ("" for none).</summary>
        public string Codes { get; set; } = "";

        /// <summary>Base64 of the 32-byte HMAC-SHA256 over <see cref="CanonicalBytes"/>; "" until signed.</summary>
        public string Signature { get; set; } = "";

        /// <summary>An unlock command.</summary>
        public static SignedCommand Unlock(string lockerId, string commandId, long counter, long expiresAt, int compartment)
        {
            var command = Create(lockerId, commandId, counter, expiresAt, CommandActions.Unlock);
            command.Compartment = compartment;
            return command;
        }

        /// <summary>Takes a compartment (0: the whole locker) out of service, or returns it.</summary>
        public static SignedCommand OutOfService(string lockerId, string commandId, long counter, long expiresAt, int compartment, bool on)
        {
            var command = Create(lockerId, commandId, counter, expiresAt, CommandActions.OutOfService);
            command.Compartment = compartment;
            command.On = on;
            return command;
        }

        /// <summary>Shows a message on a reader.</summary>
        public static SignedCommand ShowMessage(string lockerId, string commandId, long counter, long expiresAt, string reader, string text)
        {
            var command = Create(lockerId, commandId, counter, expiresAt, CommandActions.ShowMessage);
            command.Reader = reader;
            command.Text = text;
            return command;
        }

        /// <summary>
        /// Shows one of the locker's own texts on a reader: <paramref name="keyedText"/> is <c>key</c> or <c>key|arg|arg</c>;
        /// with <paramref name="restS"/> &gt; 0 it stays the display's resting text for that many seconds (see <see cref="RetryAfterS"/>).
        /// </summary>
        public static SignedCommand ShowMessageKey(
            string lockerId, string commandId, long counter, long expiresAt, string reader, string keyedText, int restS = 0)
        {
            var command = Create(lockerId, commandId, counter, expiresAt, CommandActions.ShowMessageKey);
            command.Reader = reader;
            command.Text = keyedText;
            command.RetryAfterS = restS;
            return command;
        }

        /// <summary>Tells a reader its code was refused, throttled for <paramref name="retryAfterS"/> seconds.</summary>
        public static SignedCommand Deny(string lockerId, string commandId, long counter, long expiresAt, string reader, int retryAfterS)
        {
            var command = Create(lockerId, commandId, counter, expiresAt, CommandActions.Deny);
            command.Reader = reader;
            command.RetryAfterS = retryAfterS;
            return command;
        }

        /// <summary>One part of the offline code cache's version <paramref name="version"/>.</summary>
        public static SignedCommand SyncCodes(
            string lockerId, string commandId, long counter, long expiresAt, long version, int part, int parts, string codes)
        {
            var command = Create(lockerId, commandId, counter, expiresAt, CommandActions.SyncCodes);
            command.Version = version;
            command.Part = part;
            command.Parts = parts;
            command.Codes = codes;
            return command;
        }

        /// <summary>A command with no arguments, or any action whose arguments are set later.</summary>
        public static SignedCommand Create(string lockerId, string commandId, long counter, long expiresAt, string action)
        {
            return new SignedCommand { LockerId = lockerId, CommandId = commandId, Counter = counter, ExpiresAt = expiresAt, Action = action };
        }

        /// <summary>
        /// The signed text: <see cref="CanonicalTag"/>, locker, id, counter, expires, action, compartment,
        /// on (1 or 0), reader, retry_after_s, entry, version, part, parts, codes, text, joined by a single LF with no
        /// trailing LF; numbers in plain decimal. Only text may contain LF, and it is last, so the lines cannot be shifted.
        /// </summary>
        public string CanonicalText()
        {
            return CanonicalTag + "\n" + LockerId + "\n" + CommandId + "\n" + Decimal(Counter) + "\n" + Decimal(ExpiresAt) + "\n"
                + Action + "\n" + Decimal(Compartment) + "\n" + (On ? "1" : "0") + "\n" + Reader + "\n" + Decimal(RetryAfterS) + "\n"
                + Decimal(Entry) + "\n" + Decimal(Version) + "\n" + Decimal(Part) + "\n" + Decimal(Parts) + "\n" + Codes + "\n" + Text;
        }

        private static string Decimal(long value) => JsonNumber.FormatInteger(value);

        /// <summary>The UTF-8 bytes of <see cref="CanonicalText"/>: exactly what is signed (written without building the text).</summary>
        public byte[] CanonicalBytes() => CanonicalForm.Encode(this);

        /// <summary>Compact UTF-8 JSON with the signature; arguments left at their defaults are omitted.</summary>
        public byte[] ToJson() => SignedCommandCodec.Write(this);

        /// <summary>
        /// Reads and validates a command (the signature is not checked here); throws
        /// <see cref="JsonException"/> naming the bad field.
        /// </summary>
        public static SignedCommand Parse(byte[] utf8)
        {
            // The usual command is read straight from its bytes (a few hundred bytes less garbage per command on
            // the device); anything else, every error included, goes through the general parser as it always did.
            SignedCommand? command = SignedCommandReader.TryRead(utf8);
            return command != null ? command : SignedCommandCodec.Read(JsonParser.ParseObjectUtf8(utf8));
        }
    }
}
