using Lockers.Core.Json;
using Lockers.Core.Ports;

namespace Lockers.Core.Protocol
{
    /// <summary>
    /// One event on the event channel. Flat: the common fields (seq, kind, uptime_ms, unix_ms) plus the
    /// fields of its kind; the others keep their defaults and are not written. Create one with a factory
    /// method, then the journal stamps the sequence number and time (<see cref="Stamp(long, string, IClock)"/>).
    /// </summary>
    public sealed class LockerEvent
    {
        /// <summary>Value of <see cref="UnixMs"/> while the locker has no wall time; the field is then omitted.</summary>
        public const long NoWallTime = -1;

        /// <summary>Per-locker sequence number from 1 within its <see cref="Epoch"/>; 0 until stamped.</summary>
        public long Seq { get; set; }

        /// <summary>
        /// The numbering <see cref="Seq"/> belongs to (see <see cref="Epochs"/>): 16 hex digits, or "" for a locker
        /// still numbering as it did before epochs; null when the field is absent (firmware without end-to-end
        /// acknowledgements). An event's identity is (locker, epoch, seq).
        /// </summary>
        public string? Epoch { get; set; }

        /// <summary>One of <see cref="EventKinds"/>; a reader keeps unknown kinds (newer firmware) with the common fields only.</summary>
        public string Kind { get; set; } = "";

        /// <summary>Milliseconds since boot when it happened.</summary>
        public long UptimeMs { get; set; }

        /// <summary>Unix milliseconds UTC when it happened, or <see cref="NoWallTime"/>.</summary>
        public long UnixMs { get; set; } = NoWallTime;

        /// <summary>code_entered: "keypad" or "qr".</summary>
        public string Source { get; set; } = "";

        /// <summary>code_entered: keypad or scanner id.</summary>
        public string Reader { get; set; } = "";

        /// <summary>code_entered: the code.</summary>
        public string Code { get; set; } = "";

        /// <summary>code_entered, code_offline: the locker's id for the code entry; 0 when absent (older firmware).</summary>
        public long Entry { get; set; }

        /// <summary>code_entered: milliseconds the locker waits for an answer; 0 when absent (older firmware).</summary>
        public long AnswerMs { get; set; }

        /// <summary>code_offline: the gateway's reference of the cached code that matched.</summary>
        public long CodeRef { get; set; }

        /// <summary>door: compartment number from 1 (0 when not a door event).</summary>
        public int Compartment { get; set; }

        /// <summary>door: one of <see cref="DoorStates"/>.</summary>
        public string DoorState { get; set; } = "";

        /// <summary>command_refused: the command id ("" when the command was too malformed to have one).</summary>
        public string CommandId { get; set; } = "";

        /// <summary>command_refused: one of <see cref="RefusalReasons"/>.</summary>
        public string Reason { get; set; } = "";

        /// <summary>tamper: what tripped; storage_fault: what was damaged and how it was repaired.</summary>
        public string Detail { get; set; } = "";

        /// <summary>boot: firmware version.</summary>
        public string Firmware { get; set; } = "";

        /// <summary>boot: boot counter.</summary>
        public long BootCount { get; set; }

        /// <summary>journal_overflow: total events dropped so far.</summary>
        public long Dropped { get; set; }

        /// <summary>A code was typed or scanned (without an entry id: for tools and tests playing older firmware).</summary>
        public static LockerEvent CodeEntered(string source, string reader, string code) => new LockerEvent().RefillCodeEntered(source, reader, code, 0, 0);

        /// <summary>A code was typed or scanned as code entry <paramref name="entry"/>, answered within <paramref name="answerMs"/>.</summary>
        public static LockerEvent CodeEntered(string source, string reader, string code, long entry, long answerMs)
        {
            return new LockerEvent().RefillCodeEntered(source, reader, code, entry, answerMs);
        }

        /// <summary>Code entry <paramref name="entry"/> matched cached code <paramref name="codeRef"/>: its compartment is being opened offline.</summary>
        public static LockerEvent CodeOffline(long entry, string source, string reader, long codeRef, int compartment)
        {
            return new LockerEvent
            {
                Kind = EventKinds.CodeOffline, Entry = entry, Source = source, Reader = reader, CodeRef = codeRef, Compartment = compartment,
            };
        }

        /// <summary>A door changed state.</summary>
        public static LockerEvent Door(int compartment, string doorState) => new LockerEvent().RefillDoor(compartment, doorState);

        // The Refill methods turn this instance into a new event of their kind (every other field back to its
        // default), so the controller can journal its everyday events (a code, a door) through one instance
        // instead of allocating one per event: the journal stamps and serialises an event and does not keep it.

        /// <summary>This instance, now the event <see cref="CodeEntered(string, string, string, long, long)"/> would make.</summary>
        internal LockerEvent RefillCodeEntered(string source, string reader, string code, long entry, long answerMs)
        {
            Reset(EventKinds.CodeEntered);
            Source = source;
            Reader = reader;
            Code = code;
            Entry = entry;
            AnswerMs = answerMs;
            return this;
        }

        /// <summary>This instance, now the event <see cref="Door"/> would make.</summary>
        internal LockerEvent RefillDoor(int compartment, string doorState)
        {
            Reset(EventKinds.Door);
            Compartment = compartment;
            DoorState = doorState;
            return this;
        }

        // Every property back to its initial value, with the given kind.
        private void Reset(string kind)
        {
            Seq = 0;
            Epoch = null;
            Kind = kind;
            UptimeMs = 0;
            UnixMs = NoWallTime;
            Source = "";
            Reader = "";
            Code = "";
            Entry = 0;
            AnswerMs = 0;
            CodeRef = 0;
            Compartment = 0;
            DoorState = "";
            CommandId = "";
            Reason = "";
            Detail = "";
            Firmware = "";
            BootCount = 0;
            Dropped = 0;
        }

        /// <summary>A command was refused.</summary>
        public static LockerEvent CommandRefused(string commandId, string reason)
        {
            return new LockerEvent { Kind = EventKinds.CommandRefused, CommandId = commandId, Reason = reason };
        }

        /// <summary>The locker started.</summary>
        public static LockerEvent Boot(string firmware, long bootCount)
        {
            return new LockerEvent { Kind = EventKinds.Boot, Firmware = firmware, BootCount = bootCount };
        }

        /// <summary>A tamper sensor tripped.</summary>
        public static LockerEvent Tamper(string detail) => new LockerEvent { Kind = EventKinds.Tamper, Detail = detail };

        /// <summary>Stored state was found damaged at start-up and repaired as <paramref name="detail"/> says.</summary>
        public static LockerEvent StorageFault(string detail) => new LockerEvent { Kind = EventKinds.StorageFault, Detail = detail };

        /// <summary>The journal dropped events; <paramref name="droppedTotal"/> is the running total.</summary>
        public static LockerEvent JournalOverflow(long droppedTotal)
        {
            return new LockerEvent { Kind = EventKinds.JournalOverflow, Dropped = droppedTotal };
        }

        /// <summary>Sets the sequence number and the time of the event from <paramref name="clock"/>; the epoch stays as it is.</summary>
        public void Stamp(long seq, IClock clock) => Stamp(seq, Epoch, clock);

        /// <summary>Sets the identity (<paramref name="epoch"/>, <paramref name="seq"/>) and the time of the event from <paramref name="clock"/>.</summary>
        public void Stamp(long seq, string? epoch, IClock clock)
        {
            Seq = seq;
            Epoch = epoch;
            UptimeMs = clock.UptimeMs;
            UnixMs = clock.HasWallTime ? UnixTime.ToUnixMs(clock.UtcNow) : NoWallTime;
        }

        /// <summary>Compact UTF-8 JSON: common fields first, then the fields of the kind.</summary>
        public byte[] ToJson() => ToJson(new JsonWriter());

        /// <summary>As <see cref="ToJson()"/>, built in <paramref name="writer"/> (cleared first) so a caller that sends many reuses one buffer.</summary>
        public byte[] ToJson(JsonWriter writer)
        {
            writer.Clear();
            LockerEventCodec.Write(this, writer);
            return writer.ToUtf8();
        }

        /// <summary>Reads and validates an event; throws <see cref="JsonException"/> naming the bad field.</summary>
        public static LockerEvent Parse(byte[] utf8) => LockerEventCodec.Read(JsonParser.ParseObjectUtf8(utf8));
    }
}
