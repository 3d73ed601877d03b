using System.Text;
using Lockers.Core.Protocol;
using Lockers.Gateway.Link;
using Lockers.Gateway.Tests.Infrastructure;
using Lockers.Mqtt.Client;
using Lockers.Mqtt.Packets;
using Lockers.Testing;

namespace Lockers.Gateway.Tests.EndToEnd;

/// <summary>What arrives twice, broken, oversized or from nowhere is counted and changes nothing; the link keeps serving.</summary>
public sealed class RobustnessTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task SameSeqTwice_IsAppliedOnce_AndAnsweredOnce()
    {
        await using var system = await LinkedGateway.StartAsync();
        var locker = await system.ProvisionAndConnectAsync("test-a");
        var booked = await system.Api.BookAsync();
        var entry = LockerEvent.CodeEntered(CodeSources.Keypad, locker.Config.KeypadId, booked.DropoffCode);
        var seq = await locker.PublishAsync(entry);
        Assert.Equal(CommandActions.Unlock, (await locker.NextCommandAsync()).Command!.Action);

        await locker.RepublishAsync(entry, seq);
        await Wait.UntilAsync(() => system.Counters.Duplicates == 1, Timeout, "the redelivery to be counted as a duplicate");
        await locker.EnterCodeAsync("00000000");

        // The next command answers the wrong code: the duplicate got no second unlock.
        Assert.Equal(CommandActions.Deny, (await locker.NextCommandAsync()).Command!.Action);
        Assert.Equal(2, (await system.CommandsAsync("test-a")).Count);
    }

    [Fact]
    public async Task MalformedOversizedAndUnknownLocker_AreCountedByReason_AndTheLinkKeepsServing()
    {
        await using var system = await LinkedGateway.StartAsync();
        var locker = await system.ProvisionAndConnectAsync("test-a");
        // A client the CA certified as "ghost-1", a locker the gateway does not know: the ACL lets it use its own topics.
        await using var intruder = new MqttClient(system.Broker.ClientOptions("ghost-1", TestIds.ClientId(role: "ghost")));
        await intruder.ConnectAsync();

        await locker.Client.PublishAsync(Topics.Event("test-a"), Encoding.UTF8.GetBytes("{\"seq\":\"one\"}"), MqttQos.AtLeastOnce);
        await locker.Client.PublishAsync(Topics.Event("test-a"), new byte[8192], MqttQos.AtLeastOnce);
        var ghostEvent = LockerEvent.Door(1, DoorStates.Opened);
        ghostEvent.Seq = 1;
        await intruder.PublishAsync(Topics.Event("ghost-1"), ghostEvent.ToJson(), MqttQos.AtLeastOnce);

        await Wait.UntilAsync(() => system.Counters.DroppedTotal == 3, Timeout, $"three drops to be counted ({system.Counters})");
        Assert.Equal(1, system.Counters.Dropped(LinkDropReason.Malformed));
        Assert.Equal(1, system.Counters.Dropped(LinkDropReason.Oversized));
        Assert.Equal(1, system.Counters.Dropped(LinkDropReason.UnknownLocker));
        await locker.EnterCodeAsync("00000000");
        Assert.Equal(CommandActions.Deny, (await locker.NextCommandAsync()).Command!.Action);
        Assert.Equal(0, system.Counters.Dropped(LinkDropReason.Failed));
    }
}
