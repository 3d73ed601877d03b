using System.Collections.Concurrent;
using Lockers.Core.Commands;
using Lockers.Gateway.Link;
using Lockers.Gateway.Store;

namespace Lockers.Gateway.Tests.Monitoring;

/// <summary>Stands in for the locker link's sender: records every command and answers "sent" (or what the test sets).</summary>
public sealed class FakeLockerCommandSender : ILockerCommandSender
{
    private int _next;

    public ConcurrentQueue<(string Action, string LockerId, int Compartment, bool On)> Sent { get; } = new();

    public CommandSendStatus Answer { get; set; } = CommandSendStatus.Sent;

    public Task<CommandSendResult> SendAsync(
        LockerCommandRequest request, string actor, string? reservationId = null, CancellationToken cancellationToken = default)
    {
        Sent.Enqueue((request.Action, request.LockerId, request.Compartment, request.On));
        var id = $"c-{Interlocked.Increment(ref _next)}";
        return Task.FromResult(new CommandSendResult(Answer, id, Answer == CommandSendStatus.Sent ? null : "test answer"));
    }

    public Task<SignedCommand?> SignAndRecordAsync(IStoreTransaction tx, LockerCommandRequest request, string actor, string? reservationId) =>
        throw new NotSupportedException("the monitoring gateway has no locker link: codes are not answered");

    public void StartPublish(SignedCommand command, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the monitoring gateway has no locker link: codes are not answered");
}
