namespace Lockers.Core.Protocol
{
    /// <summary>
    /// Every JSON field name of every payload, in one place. Names are short, lower snake case, and
    /// carry their unit when they have one (<c>_ms</c>, <c>_mv</c>, <c>_s</c>). Readers ignore fields
    /// they do not know, so a field can be added without a new topic version; renaming one cannot.
    /// </summary>
    public static class Fields
    {
        // status (and the boot event)

        /// <summary>status: "online" or "offline"; door event: the door state.</summary>
        public const string State = "state";

        /// <summary>Firmware version, e.g. "0.1.0".</summary>
        public const string Firmware = "fw";

        /// <summary>Boot counter: how many times this locker has started.</summary>
        public const string Boot = "boot";

        /// <summary>status (offline only): why the locker cannot run, e.g. a refused board file and what is wrong with it.</summary>
        public const string Fault = "fault";

        // every event

        /// <summary>Per-locker event sequence number within its epoch, from 1, never reused; ack: applied through this seq.</summary>
        public const string Seq = "seq";

        /// <summary>
        /// event, ack: the numbering the seq belongs to: 16 lowercase hex digits chosen at random when the locker's
        /// sequence counter starts (first boot, or a counter found unreadable), so a reset counter never repeats an
        /// identity; "" for a locker still numbering as before epochs existed. Absent from firmware without acks.
        /// </summary>
        public const string Epoch = "epoch";

        /// <summary>Event kind (see EventKinds).</summary>
        public const string Kind = "kind";

        /// <summary>Milliseconds since boot when the event happened; also in telemetry.</summary>
        public const string UptimeMs = "uptime_ms";

        /// <summary>Wall time of the event in Unix milliseconds UTC; absent until the clock is set.</summary>
        public const string UnixMs = "unix_ms";

        // code_entered

        /// <summary>Where a code came from: "keypad" or "qr".</summary>
        public const string Source = "source";

        /// <summary>Id of the keypad or scanner (from the board file); the gateway answers to it.</summary>
        public const string Reader = "reader";

        /// <summary>The code as typed or scanned.</summary>
        public const string Code = "code";

        /// <summary>
        /// code_entered and code_offline: the locker's id for this code entry (unique per locker across boots while the
        /// boot counter holds); cmd: the code entry the command answers, which the locker runs only while that entry waits.
        /// </summary>
        public const string Entry = "entry";

        /// <summary>code_entered: milliseconds the locker waits for the answer before it gives the entry up (the display's timeout).</summary>
        public const string AnswerMs = "answer_ms";

        /// <summary>code_offline: the gateway's reference of the cached code that matched (its code id, from sync_codes).</summary>
        public const string Ref = "ref";

        // door, commands

        /// <summary>Compartment number, from 1.</summary>
        public const string Compartment = "compartment";

        /// <summary>command_refused: the refused command's id.</summary>
        public const string CommandId = "command";

        /// <summary>Why something was refused or failed (see RefusalReasons, FailureReasons).</summary>
        public const string Reason = "reason";

        /// <summary>tamper: free text from the sensor that tripped.</summary>
        public const string Detail = "detail";

        /// <summary>Events dropped because the journal was full (a running total).</summary>
        public const string Dropped = "dropped";

        // telemetry

        /// <summary>Free managed memory in bytes.</summary>
        public const string FreeMemory = "free_mem";

        /// <summary>Wi-Fi/cellular signal in dBm; absent when unknown.</summary>
        public const string SignalDbm = "rssi_dbm";

        /// <summary>Supply voltage in millivolts; absent when unknown.</summary>
        public const string SupplyMv = "supply_mv";

        /// <summary>Board temperature in degrees Celsius; absent when unknown.</summary>
        public const string TemperatureC = "temp_c";

        /// <summary>Events waiting in the journal for the gateway's acknowledgement.</summary>
        public const string Journal = "journal";

        // cmd and cmd/result

        /// <summary>cmd: the locker the command is for.</summary>
        public const string Locker = "locker";

        /// <summary>cmd and cmd/result: the command id chosen by the gateway.</summary>
        public const string Id = "id";

        /// <summary>cmd: per-locker counter, strictly increasing.</summary>
        public const string Counter = "counter";

        /// <summary>cmd: expiry in Unix seconds UTC.</summary>
        public const string Expires = "expires";

        /// <summary>cmd: what to do (see CommandActions).</summary>
        public const string Action = "action";

        /// <summary>cmd out_of_service: true to take out of service, false to return to service.</summary>
        public const string On = "on";

        /// <summary>cmd deny: seconds the reader stays throttled, 0 for none.</summary>
        public const string RetryAfterS = "retry_after_s";

        /// <summary>cmd show_message: the text to show.</summary>
        public const string Text = "text";

        /// <summary>cmd sync_codes: the version of the locker's code cache these parts make up; a newer version replaces it.</summary>
        public const string Version = "version";

        /// <summary>cmd sync_codes: which part this is, from 1.</summary>
        public const string Part = "part";

        /// <summary>cmd sync_codes: how many parts the version has (1..4).</summary>
        public const string Parts = "parts";

        /// <summary>cmd sync_codes: this part's cached codes (see CachedCodesText), "" for none.</summary>
        public const string Codes = "codes";

        /// <summary>cmd, ack: base64 HMAC-SHA256 signature over the canonical form, under the locker's command key.</summary>
        public const string Signature = "sig";

        /// <summary>cmd/result: "ok", "refused" or "failed".</summary>
        public const string Result = "result";

        // ack

        /// <summary>ack: true when the gateway found a gap and asks for every event after seq again.</summary>
        public const string Replay = "replay";
    }
}
