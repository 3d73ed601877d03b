using Lockers.Gateway.Monitoring;

namespace Lockers.Gateway.Link;

/// <summary>
/// A command's status as the dashboard shows it, live and when asked (one shape for both): <see cref="Status"/> is
/// <see cref="LockerCommandRecord.StatusAt"/> (sent, done, failed, no_answer), <see cref="Text"/> the outcome in words.
/// </summary>
public sealed record CommandStatusView(
    string LockerId, string CommandId, string Action, int Compartment, string? RequestedBy, DateTimeOffset SentAt, DateTimeOffset ExpiresAt,
    string Status, string? Result, string? Reason, string Text)
{
    public static CommandStatusView From(LockerCommandRecord c, DateTimeOffset now) =>
        new(c.LockerId, c.CommandId, c.Action, c.Compartment, c.RequestedBy, c.CreatedAt, c.ExpiresAt, c.StatusAt(now), c.Result, c.Reason, c.Text);
}

/// <summary>The live "command" update for a command whose status changed (an answer, or none by its expiry).</summary>
public static class CommandUpdates
{
    public static LiveUpdate Of(LockerCommandRecord command, DateTimeOffset at) =>
        new("command", command.LockerId, CommandStatusView.From(command, at), at);
}
