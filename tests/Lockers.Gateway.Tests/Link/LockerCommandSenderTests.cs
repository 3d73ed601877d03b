using Lockers.Core.Commands;
using Lockers.Core.Config;
using Lockers.Core.Protocol;
using Lockers.Gateway.Link;
using Lockers.Gateway.Provisioning;
using Lockers.Gateway.Store;
using Lockers.Gateway.Tests.EndToEnd;
using Lockers.Gateway.Tests.Infrastructure;
using Lockers.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Tests.Link;

/// <summary>Signing, counting and recording commands, against the real store, with the broker replaced by a recorder.</summary>
public sealed class LockerCommandSenderTests : IAsyncLifetime
{
    private readonly GatewayFixture _gateway = new();
    private readonly RecordingPublisher _published = new();

    public async Task InitializeAsync() => await _gateway.ImportTestSiteAsync();

    public Task DisposeAsync()
    {
        _gateway.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Send_ToProvisionedLocker_SignsWithItsKeyAndARisingCounter()
    {
        var config = await ProvisionAsync("test-a");
        var sender = Sender();

        await sender.SendAsync(LockerCommandRequest.Unlock("test-a", 2), "test");
        await sender.SendAsync(LockerCommandRequest.Deny("test-a", "test-a", 5), "test");

        var verifier = Verifier(config);
        var verdicts = _published.Payloads("test-a").Select(verifier.Verify).ToList();
        Assert.All(verdicts, v => Assert.True(v.Accepted, v.Reason));
        Assert.Equal([1L, 2L], verdicts.Select(v => v.Command!.Counter));
        // An unlock lives LockerLink:UnlockExpirySeconds (10 s), the rest CommandExpirySeconds (30 s).
        Assert.Equal(_gateway.Time.GetUtcNow().AddSeconds(10).ToUnixTimeSeconds(), verdicts[0].Command!.ExpiresAt);
        Assert.Equal(_gateway.Time.GetUtcNow().AddSeconds(30).ToUnixTimeSeconds(), verdicts[1].Command!.ExpiresAt);
        var stored = await Store.ExecuteAsync(tx => tx.LockerLink.ListCommandsAsync("test-a", 10));
        Assert.Equal(["c-2", "c-1"], stored.Select(c => c.CommandId));
    }

    [Fact]
    public async Task Send_ToUnprovisionedLocker_IsUnavailableAndPublishesNothing()
    {
        var sent = await Sender().SendAsync(LockerCommandRequest.Unlock("test-b", 1), "test");

        Assert.Equal((CommandSendStatus.Unavailable, null, "the locker has no command key (provision it first)"), (sent.Status, sent.CommandId, sent.Reason));
        Assert.Empty(_published.Payloads("test-b"));
    }

    [Fact]
    public async Task Reprovision_KeepsTheCounterRising_AndTheOldKeyNoLongerVerifies()
    {
        var oldConfig = await ProvisionAsync("test-a");
        await Sender().SendAsync(LockerCommandRequest.Unlock("test-a", 1), "test");
        var newConfig = await ProvisionAsync("test-a");

        await Sender().SendAsync(LockerCommandRequest.Unlock("test-a", 1), "test");

        var latest = _published.Payloads("test-a")[^1];
        var verdict = Verifier(newConfig).Verify(latest);
        Assert.True(verdict.Accepted, verdict.Reason);
        Assert.Equal(2, verdict.Command!.Counter);
        Assert.Equal(RefusalReasons.BadSignature, Verifier(oldConfig).Verify(latest).Reason);
    }

    [Fact]
    public async Task Send_BrokerAcknowledges_IsSent()
    {
        await ProvisionAsync("test-a");

        var result = await Sender().SendAsync(LockerCommandRequest.Unlock("test-a", 2), "staff:test");

        Assert.Equal((CommandSendStatus.Sent, "c-1"), (result.Status, result.CommandId));
        Assert.Single(_published.Payloads("test-a"));
    }

    [Fact]
    public async Task Send_BrokerRefusesThePublish_IsUnavailableButRecorded()
    {
        await ProvisionAsync("test-a");
        _published.Fail = true;

        var result = await Sender().SendAsync(LockerCommandRequest.Unlock("test-a", 2), "staff:test");

        Assert.Equal(CommandSendStatus.Unavailable, result.Status);
        var stored = await Store.ExecuteAsync(tx => tx.LockerLink.ListCommandsAsync("test-a", 10));
        Assert.Equal([result.CommandId], stored.Select(c => c.CommandId));
    }

    private ILockerStore Store => _gateway.Factory.Service<ILockerStore>();

    private LockerCommandSender Sender() => new(Store, _gateway.Factory.Service<CommandKeys>(), _published,
        _gateway.Factory.Service<LinkCounters>(), _gateway.Factory.Service<Lockers.Gateway.Monitoring.UnlockStopwatch>(), Options.Create(new LockerLinkOptions()), _gateway.Time, NullLogger<LockerCommandSender>.Instance);

    private CommandVerifier Verifier(DeviceConfig config) =>
        new(config.LockerId, config.CommandKey, new TestClock(_gateway.Time), new MemoryStorage());

    private async Task<DeviceConfig> ProvisionAsync(string lockerId)
    {
        var result = await _gateway.Factory.Service<LockerProvisioner>().ProvisionAsync(new LockerProvisionRequest(GatewayFixture.SiteId,
            lockerId, RepositoryRoot.DevKitBoard, "127.0.0.1", 8883, Path.Combine(_gateway.DataDirectory, lockerId)), "test");
        return DeviceConfigLoader.Load(await File.ReadAllTextAsync(result.ConfigPath));
    }

    private sealed class RecordingPublisher : ILockerCommandPublisher
    {
        private readonly List<(string LockerId, byte[] Payload)> _sent = new();

        /// <summary>Throw as a stopped client would, instead of recording.</summary>
        public bool Fail { get; set; }

        public Task PublishCommandAsync(string lockerId, byte[] payload, CancellationToken cancellationToken)
        {
            if (Fail)
            {
                throw new InvalidOperationException("client stopped");
            }

            lock (_sent)
            {
                _sent.Add((lockerId, payload));
            }

            return Task.CompletedTask;
        }

        // Acks are not commands: this test only watches the cmd topic.
        public Task PublishAckAsync(string lockerId, byte[] payload, CancellationToken cancellationToken) => Task.CompletedTask;

        public List<byte[]> Payloads(string lockerId)
        {
            lock (_sent)
            {
                return _sent.Where(s => s.LockerId == lockerId).Select(s => s.Payload).ToList();
            }
        }
    }
}
