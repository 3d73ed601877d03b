using Lockers.Core.Protocol;

namespace Lockers.Core.Commands
{
    /// <summary>What the verifier decided about one received command.</summary>
    public sealed class CommandVerdict
    {
        private CommandVerdict(bool accepted, string reason, string commandId, SignedCommand? command)
        {
            Accepted = accepted;
            Reason = reason;
            CommandId = commandId;
            Command = command;
        }

        /// <summary>True when the command may run; its counter is already saved.</summary>
        public bool Accepted { get; }

        /// <summary>"" when accepted, else one of <see cref="RefusalReasons"/>.</summary>
        public string Reason { get; }

        /// <summary>The command id as far as it could be read ("" for unreadable payloads).</summary>
        public string CommandId { get; }

        /// <summary>The parsed command; null when the payload was malformed.</summary>
        public SignedCommand? Command { get; }

        /// <summary>The cmd/result payload that answers this verdict when it is a refusal (ok otherwise).</summary>
        public CommandResultPayload ToResult()
        {
            return Accepted ? CommandResultPayload.Ok(CommandId) : CommandResultPayload.Refused(CommandId, Reason);
        }

        /// <summary>The command_refused event for this refusal.</summary>
        public LockerEvent ToRefusedEvent() => LockerEvent.CommandRefused(CommandId, Reason);

        internal static CommandVerdict Accept(SignedCommand command) => new CommandVerdict(true, "", command.CommandId, command);

        internal static CommandVerdict Refuse(string reason, string commandId, SignedCommand? command)
        {
            return new CommandVerdict(false, reason, commandId, command);
        }
    }
}
