using Lockers.Gateway.Monitoring;

namespace Lockers.Gateway.Link;

/// <summary>A command's status as the dashboard shows it, live and when asked (one shape for both).</summary>
public sealed record CommandStatusView(
    string LockerId, string CommandId, string Action, int Compartment, string Status, string? Reason, string Text,
    DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt)
{
    public static CommandStatusView From(LockerCommandRecord c) =>
        new(c.LockerId, c.CommandId, c.Action, c.Compartment, c.Status, c.Reason, c.Text, c.CreatedAt, c.ExpiresAt);
}

/// <summary>The live "command" update for a command whose status changed.</summary>
public static class CommandUpdates
{
    public static LiveUpdate Of(LockerCommandRecord command, DateTimeOffset at) =>
        new("command", command.LockerId, CommandStatusView.From(command), at);
}
