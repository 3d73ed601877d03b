using Lockers.Core.Protocol;
using Lockers.Simulator.Locker;
using Lockers.Simulator.Tests.Support;
using Lockers.Testing;
using Lockers.Testing.Mosquitto;

namespace Lockers.Simulator.Tests.Locker;

/// <summary>A simulated locker against real Mosquitto, with the test playing the gateway.</summary>
public sealed class SimulatedLockerBrokerTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private readonly LockerSetup _setup = new("sim-" + Guid.NewGuid().ToString("N")[..8]);
    private MosquittoBroker _broker = null!;
    private SimulatedLocker _locker = null!;
    private GatewayProbe _gateway = null!;

    public async Task InitializeAsync()
    {
        _broker = await MosquittoBroker.StartNewAsync(_setup.BrokerOptions());
        _gateway = await GatewayProbe.ConnectAsync(_broker, _setup.LockerId, TestIds.ClientId(role: "gateway"));
        _locker = _setup.CreateLocker(_broker);
        await _locker.StartAsync();
        await _gateway.WaitForStatusAsync(StatusStates.Online);
    }

    public async Task DisposeAsync()
    {
        await _locker.DisposeAsync();
        await _gateway.DisposeAsync();
        await _broker.DisposeAsync();
        _setup.DeleteStorage();
    }

    [Fact]
    public async Task SignedUnlock_PublishedByGateway_OpensDoorAndOpenedEventArrives()
    {
        await _gateway.PublishCommandAsync(_setup.SignedUnlock(3, "open-3"));

        var opened = await _gateway.WaitForEventAsync(
            e => e.Kind == EventKinds.Door && e.Compartment == 3 && e.DoorState == DoorStates.Opened, "door 3 opened");
        Assert.True(_locker.Cabinet[3].IsOpen);
        Assert.Equal(1, _locker.Cabinet[3].PulseCount);
        Assert.Equal(1, _locker.Solenoids.MaxSimultaneous);
        Assert.True(opened.Seq > 0);
        var result = await _gateway.WaitForResultAsync("open-3");
        Assert.Equal(CommandResults.Ok, result.Result);
    }

    [Fact]
    public async Task SameCommandPublishedAgain_IsRefusedAsReplay()
    {
        var unlock = _setup.SignedUnlock(1, "once");
        await _gateway.PublishCommandAsync(unlock);
        await _gateway.WaitForResultAsync("once");
        _locker.Close(1);
        await _gateway.WaitForEventAsync(e => e.Kind == EventKinds.Door && e.DoorState == DoorStates.Closed, "door 1 closed");

        await _gateway.PublishCommandAsync(unlock);

        var refused = await _gateway.WaitForEventAsync(e => e.Kind == EventKinds.CommandRefused, "command_refused");
        Assert.Equal("once", refused.CommandId);
        Assert.Equal(RefusalReasons.Replay, refused.Reason);
        await Wait.UntilAsync(() => _gateway.Results().Count(r => r.CommandId == "once") == 2, Timeout, "second result");
        var second = _gateway.Results().Where(r => r.CommandId == "once").Last();
        Assert.Equal(CommandResults.Refused, second.Result);
        Assert.Equal(RefusalReasons.Replay, second.Reason);
        Assert.False(_locker.Cabinet[1].IsOpen);
        Assert.Equal(1, _locker.Cabinet[1].PulseCount);
    }

    [Fact]
    public async Task EventsWhileBrokerDown_ArriveAfterItReturns_InOrderNoneMissing()
    {
        _locker.Type("100001#");
        var before = await _gateway.WaitForEventAsync(e => e.Code == "100001", "the code typed before the outage");

        await _broker.StopAsync();
        await Wait.UntilAsync(() => !_locker.IsConnected, Timeout, "the locker to notice the broker is gone");
        string[] typed = { "200001", "200002", "200003", "200004", "200005" };
        foreach (var code in typed)
        {
            _locker.Type(code + "#");
        }

        _locker.Scan("QR-OUTAGE");
        Assert.True(_locker.Controller!.JournalDepth >= typed.Length + 1);
        await _broker.StartAsync();

        await _gateway.WaitForEventAsync(e => e.Code == "QR-OUTAGE", "the last event of the outage");
        var after = _gateway.Events().Where(e => e.Seq > before.Seq).ToList();
        var codes = after.Where(e => e.Kind == EventKinds.CodeEntered).Select(e => e.Code).ToArray();
        Assert.Equal(typed.Append("QR-OUTAGE").ToArray(), codes);
        var seqs = _gateway.Events().Select(e => e.Seq).ToArray();
        Assert.Equal(Enumerable.Range(1, seqs.Length).Select(i => (long)i).ToArray(), seqs);

        // Only the gateway's ack empties the journal (ADR 0011): the probe confirms everything it received.
        Assert.True(_locker.Controller!.JournalDepth > 0);
        await _gateway.PublishAckAsync(_setup.SignedAck(_locker.Controller.EventEpoch, seqs[^1]));
        await Wait.UntilAsync(() => _locker.Controller!.JournalDepth == 0, Timeout, "the journal to drain");
    }

    [Fact]
    public async Task PowerCut_BrokerPublishesOfflineWill_RestartFromSameFolderComesBackOnline()
    {
        _locker.Type("300003#");
        await _gateway.WaitForEventAsync(e => e.Code == "300003", "the code typed before the power cut");

        await _locker.PowerCutAsync();
        await _gateway.WaitForStatusAsync(StatusStates.Offline);
        await _locker.StartAsync();

        await _gateway.WaitForStatusAsync(StatusStates.Online);
        var boot = await _gateway.WaitForEventAsync(e => e.Kind == EventKinds.Boot && e.BootCount == 2, "the second boot");
        Assert.Equal(3, boot.Seq); // boot 1, the code, boot 2: the sequence survived in the folder
    }

    [Fact]
    public async Task CleanStop_PublishesOfflineStatus()
    {
        await _locker.StopAsync();

        await _gateway.WaitForStatusAsync(StatusStates.Offline);
        Assert.False(_locker.IsRunning);
    }
}
