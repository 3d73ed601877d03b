namespace Lockers.Core.Protocol
{
    /// <summary>
    /// The last part of every locker topic (<c>lockers/v1/&lt;lockerId&gt;/&lt;channel&gt;</c>), with its
    /// direction, QoS and retain flag. docs/protocol.md and docs/asyncapi.yaml describe each one;
    /// a test keeps them in step with this list.
    /// </summary>
    public static class Channels
    {
        /// <summary>Locker to gateway, QoS 1, retained: birth "online" on connect, last will "offline".</summary>
        public const string Status = "status";

        /// <summary>Locker to gateway, QoS 1: journaled events with a per-locker sequence number.</summary>
        public const string Event = "event";

        /// <summary>Locker to gateway, QoS 0: periodic health figures.</summary>
        public const string Telemetry = "telemetry";

        /// <summary>Gateway to locker, QoS 1: signed commands.</summary>
        public const string Command = "cmd";

        /// <summary>Locker to gateway, QoS 1: the outcome of each command.</summary>
        public const string CommandResult = "cmd/result";

        /// <summary>
        /// Gateway to locker, QoS 1: signed end-to-end acknowledgements of events ("applied through seq N of epoch E"),
        /// and replay requests. The locker deletes a journaled event only on this, never on the broker's PUBACK.
        /// </summary>
        public const string Ack = "ack";

        /// <summary>Every channel, in the order the documents list them.</summary>
        public static string[] All => new[] { Status, Event, Telemetry, Command, CommandResult, Ack };

        /// <summary>The MQTT QoS to publish and subscribe with on <paramref name="channel"/>.</summary>
        public static int QosOf(string channel) => channel == Telemetry ? 0 : 1;

        /// <summary>True for the one retained channel (status).</summary>
        public static bool IsRetained(string channel) => channel == Status;

        /// <summary>True when the locker publishes on the channel; false when the gateway does (cmd, ack).</summary>
        public static bool IsFromLocker(string channel) => channel != Command && channel != Ack;

        /// <summary>True when <paramref name="channel"/> is one of the channels above.</summary>
        public static bool IsKnown(string channel)
        {
            string[] all = All;
            for (int i = 0; i < all.Length; i++)
            {
                if (all[i] == channel)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
