using System.Collections.Concurrent;
using Lockers.Gateway.Monitoring;

namespace Lockers.Gateway.Tests.Monitoring;

/// <summary>Stands in for the locker link: records every command and answers "sent" (or what the test sets).</summary>
public sealed class FakeLockerCommandSender : ILockerCommandSender
{
    private int _next;

    public ConcurrentQueue<(string Action, string LockerId, int Compartment, bool On)> Sent { get; } = new();

    public CommandSendStatus Answer { get; set; } = CommandSendStatus.Sent;

    public Task<CommandSendResult> SendUnlockAsync(string lockerId, int compartment, string actor, CancellationToken cancellationToken = default) =>
        Record("unlock", lockerId, compartment, false);

    public Task<CommandSendResult> SendOutOfServiceAsync(
        string lockerId, int compartment, bool outOfService, string actor, CancellationToken cancellationToken = default) =>
        Record("out_of_service", lockerId, compartment, outOfService);

    private Task<CommandSendResult> Record(string action, string lockerId, int compartment, bool on)
    {
        Sent.Enqueue((action, lockerId, compartment, on));
        var id = $"c-{Interlocked.Increment(ref _next)}";
        return Task.FromResult(new CommandSendResult(Answer, id, Answer == CommandSendStatus.Sent ? null : "test answer"));
    }
}
