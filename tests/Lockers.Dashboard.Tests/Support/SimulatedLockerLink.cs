using System.Collections.Concurrent;
using Lockers.Core.Protocol;
using Lockers.Gateway.Monitoring;

namespace Lockers.Dashboard.Tests.Support;

/// <summary>
/// Plays the MQTT link and the locker behind it, in process: a signed unlock opens the simulated door, which
/// reports "opened" back as a protocol event through <see cref="LockerHealthFeed"/>, the call the real link
/// makes per message; the test can open, force or close doors by hand too. Every command is recorded.
/// </summary>
public sealed class SimulatedLockerLink : ILockerCommandSender
{
    private readonly ConcurrentDictionary<(string, int), string> _doors = new();
    private LockerHealthFeed? _feed;
    private int _next;
    private long _seq;

    public ConcurrentQueue<(string Action, string LockerId, int Compartment, string Actor)> Commands { get; } = new();

    public void Attach(LockerHealthFeed feed) => _feed = feed;

    /// <summary>What the locker publishes on any channel (status, telemetry, events), as parsed payloads.</summary>
    public Task PublishAsync(string lockerId, object payload) => Feed.FeedAsync(lockerId, payload);

    public string DoorState(string lockerId, int compartment) => _doors.GetValueOrDefault((lockerId, compartment), DoorStates.Closed);

    /// <summary>The locker reports a door change (as its event would arrive over MQTT).</summary>
    public async Task ReportDoorAsync(string lockerId, int compartment, string state)
    {
        _doors[(lockerId, compartment)] = state;
        await PublishAsync(lockerId, new LockerEvent
        {
            Seq = Interlocked.Increment(ref _seq), Kind = EventKinds.Door, Compartment = compartment, DoorState = state,
        });
    }

    public async Task<CommandSendResult> SendUnlockAsync(string lockerId, int compartment, string actor, CancellationToken cancellationToken = default)
    {
        Commands.Enqueue((CommandActions.Unlock, lockerId, compartment, actor));
        // The locker answers after the command left: the event arrives on its own, not inside the request.
        _ = Task.Run(() => ReportDoorAsync(lockerId, compartment, DoorStates.Opened), CancellationToken.None);
        return new CommandSendResult(CommandSendStatus.Sent, $"c-{Interlocked.Increment(ref _next)}");
    }

    public Task<CommandSendResult> SendOutOfServiceAsync(
        string lockerId, int compartment, bool outOfService, string actor, CancellationToken cancellationToken = default)
    {
        Commands.Enqueue((CommandActions.OutOfService, lockerId, compartment, actor));
        return Task.FromResult(new CommandSendResult(CommandSendStatus.Sent, $"c-{Interlocked.Increment(ref _next)}"));
    }

    private LockerHealthFeed Feed => _feed ?? throw new InvalidOperationException("Attach the link to the gateway first.");
}
