using System;

namespace Lockers.Core.Protocol
{
    /// <summary>
    /// Builds and parses every MQTT topic of the protocol: <c>lockers/v1/&lt;lockerId&gt;/&lt;channel&gt;</c>
    /// for one locker, <c>lockers/v1/+/&lt;channel&gt;</c> for the gateway, and the
    /// <c>$share/&lt;group&gt;/...</c> form when several gateways share the load.
    /// </summary>
    public static class Topics
    {
        /// <summary>The versioned root; a breaking protocol change gets a new root (v2), never edits v1.</summary>
        public const string Root = "lockers/v1";

        /// <summary>Longest locker id; ids are also broker user names.</summary>
        public const int MaxLockerIdLength = 64;

        /// <summary>The topic for <paramref name="channel"/> of one locker.</summary>
        public static string For(string lockerId, string channel)
        {
            if (!IsValidLockerId(lockerId))
            {
                throw new ArgumentException("bad locker id '" + lockerId + "'");
            }

            if (!Channels.IsKnown(channel))
            {
                throw new ArgumentException("unknown channel '" + channel + "'");
            }

            return Root + "/" + lockerId + "/" + channel;
        }

        /// <summary><c>lockers/v1/&lt;id&gt;/status</c>.</summary>
        public static string Status(string lockerId) => For(lockerId, Channels.Status);

        /// <summary><c>lockers/v1/&lt;id&gt;/event</c>.</summary>
        public static string Event(string lockerId) => For(lockerId, Channels.Event);

        /// <summary><c>lockers/v1/&lt;id&gt;/telemetry</c>.</summary>
        public static string Telemetry(string lockerId) => For(lockerId, Channels.Telemetry);

        /// <summary><c>lockers/v1/&lt;id&gt;/cmd</c>.</summary>
        public static string Command(string lockerId) => For(lockerId, Channels.Command);

        /// <summary><c>lockers/v1/&lt;id&gt;/cmd/result</c>.</summary>
        public static string CommandResult(string lockerId) => For(lockerId, Channels.CommandResult);

        /// <summary><c>lockers/v1/&lt;id&gt;/ack</c>.</summary>
        public static string Ack(string lockerId) => For(lockerId, Channels.Ack);

        /// <summary>The gateway's filter for a channel of every locker: <c>lockers/v1/+/&lt;channel&gt;</c>.</summary>
        public static string AllLockers(string channel)
        {
            if (!Channels.IsKnown(channel))
            {
                throw new ArgumentException("unknown channel '" + channel + "'");
            }

            return Root + "/+/" + channel;
        }

        /// <summary>
        /// A shared subscription (<c>$share/&lt;group&gt;/&lt;filter&gt;</c>): the broker hands each message to one
        /// gateway of the group. The group is a plain name without '/', '+' or '#'.
        /// </summary>
        public static string Shared(string group, string filter)
        {
            if (!IsPlainName(group, 64))
            {
                throw new ArgumentException("bad share group '" + group + "'");
            }

            return "$share/" + group + "/" + filter;
        }

        /// <summary>
        /// Splits a received topic into locker id and channel; false when it is not a topic of this
        /// protocol version (other root, bad id, unknown channel).
        /// </summary>
        public static bool TryParse(string topic, out string lockerId, out string channel)
        {
            lockerId = "";
            channel = "";
            string prefix = Root + "/";
            if (topic == null || !topic.StartsWith(prefix))
            {
                return false;
            }

            int idEnd = topic.IndexOf('/', prefix.Length);
            if (idEnd < 0)
            {
                return false;
            }

            string id = topic.Substring(prefix.Length, idEnd - prefix.Length);
            string rest = topic.Substring(idEnd + 1);
            if (!IsValidLockerId(id) || !Channels.IsKnown(rest))
            {
                return false;
            }

            lockerId = id;
            channel = rest;
            return true;
        }

        /// <summary>1 to 64 characters of ASCII letters, digits, '-' and '_' (so never a topic wildcard or separator).</summary>
        public static bool IsValidLockerId(string lockerId) => IsPlainName(lockerId, MaxLockerIdLength);

        private static bool IsPlainName(string name, int maxLength)
        {
            if (name == null || name.Length == 0 || name.Length > maxLength)
            {
                return false;
            }

            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
