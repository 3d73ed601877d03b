using Lockers.Core.Json;

namespace Lockers.Core.Protocol
{
    /// <summary>The JSON form of <see cref="LockerEvent"/>, kept apart so the event class stays a plain record of fields.</summary>
    internal static class LockerEventCodec
    {
        public static void Write(LockerEvent e, JsonWriter writer)
        {
            writer.BeginObject().Field(Fields.Seq, e.Seq);
            if (e.Epoch != null)
            {
                writer.Field(Fields.Epoch, e.Epoch);
            }

            writer.Field(Fields.Kind, e.Kind)
                .Field(Fields.UptimeMs, e.UptimeMs);
            if (e.UnixMs != LockerEvent.NoWallTime)
            {
                writer.Field(Fields.UnixMs, e.UnixMs);
            }

            string kind = e.Kind;
            if (kind == EventKinds.CodeEntered)
            {
                writer.Field(Fields.Source, e.Source).Field(Fields.Reader, e.Reader).Field(Fields.Code, e.Code);
                if (e.Entry > 0)
                {
                    writer.Field(Fields.Entry, e.Entry).Field(Fields.AnswerMs, e.AnswerMs);
                }
            }
            else if (kind == EventKinds.CodeOffline)
            {
                writer.Field(Fields.Entry, e.Entry).Field(Fields.Source, e.Source).Field(Fields.Reader, e.Reader)
                    .Field(Fields.Ref, e.CodeRef).Field(Fields.Compartment, e.Compartment);
            }
            else if (kind == EventKinds.Door)
            {
                writer.Field(Fields.Compartment, e.Compartment).Field(Fields.State, e.DoorState);
            }
            else if (kind == EventKinds.CommandRefused)
            {
                writer.Field(Fields.CommandId, e.CommandId).Field(Fields.Reason, e.Reason);
            }
            else if (kind == EventKinds.Boot)
            {
                writer.Field(Fields.Firmware, e.Firmware).Field(Fields.Boot, e.BootCount);
            }
            else if (kind == EventKinds.Tamper || kind == EventKinds.StorageFault)
            {
                writer.Field(Fields.Detail, e.Detail);
            }
            else if (kind == EventKinds.JournalOverflow)
            {
                writer.Field(Fields.Dropped, e.Dropped);
            }

            writer.EndObject();
        }

        public static LockerEvent Read(JsonObject json)
        {
            var e = new LockerEvent
            {
                Seq = json.GetLong(Fields.Seq),
                Kind = json.GetString(Fields.Kind),
                UptimeMs = json.GetLong(Fields.UptimeMs),
                UnixMs = json.GetLong(Fields.UnixMs, LockerEvent.NoWallTime),
                Epoch = json.Has(Fields.Epoch) ? json.GetString(Fields.Epoch) : null,
            };
            PayloadRules.Require(e.Epoch == null || Epochs.IsValid(e.Epoch), Fields.Epoch, "expected 16 lowercase hex digits or \"\"");
            PayloadRules.Require(e.Seq >= 1, Fields.Seq, "must be at least 1");
            PayloadRules.Require(e.Kind.Length > 0, Fields.Kind, "must not be empty");
            PayloadRules.Require(e.UptimeMs >= 0, Fields.UptimeMs, "must not be negative");
            PayloadRules.Require(e.UnixMs >= 0 || e.UnixMs == LockerEvent.NoWallTime, Fields.UnixMs, "must not be negative");

            string kind = e.Kind;
            if (kind == EventKinds.CodeEntered)
            {
                e.Source = json.GetString(Fields.Source);
                PayloadRules.Require(CodeSources.IsKnown(e.Source), Fields.Source, "expected \"keypad\" or \"qr\"");
                e.Reader = PayloadRules.NonEmpty(json, Fields.Reader);
                e.Code = PayloadRules.NonEmpty(json, Fields.Code);
                e.Entry = json.GetLong(Fields.Entry, 0);
                e.AnswerMs = json.GetLong(Fields.AnswerMs, 0);
                PayloadRules.Require(e.Entry >= 0, Fields.Entry, "must not be negative");
                PayloadRules.Require(e.AnswerMs >= 0, Fields.AnswerMs, "must not be negative");
            }
            else if (kind == EventKinds.CodeOffline)
            {
                e.Entry = json.GetLong(Fields.Entry);
                PayloadRules.Require(e.Entry >= 1, Fields.Entry, "must be at least 1");
                e.Source = json.GetString(Fields.Source);
                PayloadRules.Require(CodeSources.IsKnown(e.Source), Fields.Source, "expected \"keypad\" or \"qr\"");
                e.Reader = PayloadRules.NonEmpty(json, Fields.Reader);
                e.CodeRef = json.GetLong(Fields.Ref);
                PayloadRules.Require(e.CodeRef >= 1, Fields.Ref, "must be at least 1");
                e.Compartment = json.GetInt(Fields.Compartment);
                PayloadRules.Require(e.Compartment >= 1, Fields.Compartment, "must be at least 1");
            }
            else if (kind == EventKinds.Door)
            {
                e.Compartment = json.GetInt(Fields.Compartment);
                PayloadRules.Require(e.Compartment >= 1, Fields.Compartment, "must be at least 1");
                e.DoorState = json.GetString(Fields.State);
                PayloadRules.Require(DoorStates.IsKnown(e.DoorState), Fields.State, "unknown door state");
            }
            else if (kind == EventKinds.CommandRefused)
            {
                e.CommandId = json.GetString(Fields.CommandId);
                e.Reason = PayloadRules.NonEmpty(json, Fields.Reason);
            }
            else if (kind == EventKinds.Boot)
            {
                e.Firmware = json.GetString(Fields.Firmware);
                e.BootCount = json.GetLong(Fields.Boot);
            }
            else if (kind == EventKinds.Tamper || kind == EventKinds.StorageFault)
            {
                e.Detail = json.GetString(Fields.Detail, "");
            }
            else if (kind == EventKinds.JournalOverflow)
            {
                e.Dropped = json.GetLong(Fields.Dropped);
                PayloadRules.Require(e.Dropped >= 0, Fields.Dropped, "must not be negative");
            }

            return e;
        }
    }
}
