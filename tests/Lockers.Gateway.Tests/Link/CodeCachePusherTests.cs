using System.Net.Http.Json;
using System.Text;
using Lockers.Core.Commands;
using Lockers.Core.Config;
using Lockers.Core.Offline;
using Lockers.Core.Protocol;
using Lockers.Gateway.Codes;
using Lockers.Gateway.Link;
using Lockers.Gateway.Provisioning;
using Lockers.Gateway.Reservations;
using Lockers.Gateway.Reservations.Doors;
using Lockers.Gateway.Store;
using Lockers.Gateway.Tests.EndToEnd;
using Lockers.Gateway.Tests.Infrastructure;
using Lockers.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Tests.Link;

/// <summary>
/// Each locker's offline code cache as the gateway pushes it: the live codes of the parcels in its compartments and the
/// drop-offs booked to it, as verifiers the locker's own core matches, following every lifecycle step, never in clear.
/// The broker is replaced by a recorder; what it recorded is read by the core as a locker would.
/// </summary>
public sealed class CodeCachePusherTests : IAsyncLifetime
{
    private readonly GatewayFixture _gateway = new();
    private readonly RecordingPublisher _published = new();
    private DeviceConfig _config = null!;
    private HttpClient _api = null!;

    public async Task InitializeAsync()
    {
        await _gateway.ImportTestSiteAsync();
        _api = await _gateway.CreateApiClientAsync();
        var provisioned = await _gateway.Factory.Service<LockerProvisioner>().ProvisionAsync(new LockerProvisionRequest(GatewayFixture.SiteId,
            "test-a", RepositoryRoot.DevKitBoard, "127.0.0.1", 1883, Path.Combine(_gateway.DataDirectory, "test-a")), "test");
        _config = DeviceConfigLoader.Load(await File.ReadAllTextAsync(provisioned.ConfigPath));
    }

    public Task DisposeAsync()
    {
        _api.Dispose();
        _gateway.Dispose();
        return Task.CompletedTask;
    }

    private long Now => _gateway.Time.GetUtcNow().ToUnixTimeSeconds();

    [Fact]
    public async Task Push_CarriesVerifiersTheLockerMatches_NeverTheCodes()
    {
        var booked = await _api.BookAsync();
        var pusher = Pusher();

        Assert.Equal(1, await pusher.PushDueAsync());

        var payload = Encoding.UTF8.GetString(Assert.Single(_published.Payloads("test-a")));
        Assert.DoesNotContain(booked.DropoffCode, payload);
        var cache = Apply();
        var found = cache.Find(booked.DropoffCode, fromScanner: false, Now);
        Assert.True(found >= 0, "the locker's core does not match the drop-off code");
        Assert.Equal(booked.Reservation.Compartment, cache.CompartmentAt(found));
        Assert.Equal(-1, cache.Find("00000000", fromScanner: false, Now));
    }

    [Fact]
    public async Task EveryLifecycleStep_MarksTheCacheDue_AndThePushFollowsIt()
    {
        var driver = new LockerDriver(_gateway.Factory);
        var pusher = Pusher();
        var booked = await _api.BookAsync();
        var other = await _api.BookAsync(ReservationRequests.Booking("M"));
        await pusher.PushDueAsync();
        Assert.Equal(0, await pusher.PushDueAsync()); // nothing changed since

        var pickup = await driver.DepositAsync(booked.DropoffCode);
        Assert.Equal(1, await pusher.PushDueAsync());
        var cache = Apply();
        Assert.Equal(3, cache.Count); // the PIN, the QR token, the other parcel's drop-off code
        Assert.True(cache.Find(pickup.Pin, fromScanner: false, Now) >= 0);
        Assert.True(cache.Find(pickup.QrToken, fromScanner: true, Now) >= 0);
        Assert.Equal(-1, cache.Find(booked.DropoffCode, fromScanner: false, Now)); // spent at the door

        using (var cancelled = await _api.PostAsync($"/api/v1/reservations/{other.Reservation.Id}/cancel", null))
        {
            cancelled.EnsureSuccessStatusCode();
        }

        Assert.Equal(1, await pusher.PushDueAsync());
        cache = Apply();
        Assert.Equal(-1, cache.Find(other.DropoffCode, fromScanner: false, Now));

        await driver.PickUpAsync(pickup.Pin);
        Assert.Equal(1, await pusher.PushDueAsync());
        Assert.Equal(0, Apply().Count);
    }

    [Fact]
    public async Task ReissuedLink_TakesTheOldPinAndQrOutOfTheCache_AndPutsTheNewPinIn()
    {
        var driver = new LockerDriver(_gateway.Factory);
        var pusher = Pusher();
        var booked = await _api.BookAsync();
        var old = await driver.DepositAsync(booked.DropoffCode);
        await pusher.PushDueAsync();
        Assert.True(Apply().Find(old.Pin, fromScanner: false, Now) >= 0, "the derived PIN is not in the cache");

        using var response = await _api.PostAsync($"/api/v1/reservations/{booked.Reservation.Id}/access-link", null);
        response.EnsureSuccessStatusCode();
        var reissued = (await response.Content.ReadFromJsonAsync<ReissuedAccessResponse>(ReservationRequests.Json))!;

        Assert.Equal(1, await pusher.PushDueAsync());
        var cache = Apply();
        Assert.Equal(-1, cache.Find(old.Pin, fromScanner: false, Now));
        Assert.Equal(-1, cache.Find(old.QrToken, fromScanner: true, Now));
        Assert.True(cache.Find(reissued.PickupPin!, fromScanner: false, Now) >= 0, "the reissued PIN is not in the cache");
        Assert.Equal(2, cache.Count); // the new PIN and QR token
    }

    [Fact]
    public async Task SentParcel_ItsCollectCode_IsCachedOnceDeposited()
    {
        var driver = new LockerDriver(_gateway.Factory);
        var pusher = Pusher();
        var send = await _api.BookAsync(new { siteId = GatewayFixture.SiteId, size = "S", parcelReference = "RETURN-1", kind = "send" });
        await pusher.PushDueAsync();

        var check = await driver.EnterAsync(send.DropoffCode, keypad: "courier");
        Assert.Equal(CodeCheckOutcome.Accepted, check.Outcome);
        await driver.OpenedAsync(check.Compartment!.Value);
        await driver.ClosedAsync(check.Compartment!.Value);

        Assert.Equal(1, await pusher.PushDueAsync());
        var sync = Parts().Last();
        var codes = new CachedCodes(CachedCodes.Capacity);
        Assert.Equal("", codes.Append(sync.Codes));
        Assert.Equal([CachedCodeKinds.Collect], Enumerable.Range(0, codes.Count).Select(codes.KindAt));
    }

    [Fact]
    public async Task PickupCode_IsCachedNoLaterThanItsDeadline_OthersForTheEntryLifetime()
    {
        var driver = new LockerDriver(_gateway.Factory);
        var booked = await _api.BookAsync(ReservationRequests.Booking(hours: 2));
        var waiting = await _api.BookAsync(ReservationRequests.Booking("M"));
        await driver.DepositAsync(booked.DropoffCode);

        await Pusher().PushDueAsync();

        var sync = Parts().Last();
        var codes = new CachedCodes(CachedCodes.Capacity);
        Assert.Equal("", codes.Append(sync.Codes));
        var kinds = Enumerable.Range(0, codes.Count).ToDictionary(i => codes.KindAt(i), i => codes.ExpiresAt(i));
        Assert.Equal(Now + 2 * 3600, kinds[CachedCodeKinds.Pin]);
        Assert.Equal(Now + 2 * 3600, kinds[CachedCodeKinds.Qr]);
        Assert.Equal(Now + 24 * 3600, kinds[CachedCodeKinds.Dropoff]);
        Assert.NotNull(waiting);
    }

    [Fact]
    public async Task Cache_IsPushedAgain_AfterABirth_AndAfterHalfItsLifetime()
    {
        var pusher = Pusher();
        await pusher.PushDueAsync();
        Assert.Equal(0, await pusher.PushDueAsync());

        await Store.ExecuteAsync(tx => tx.CodeCaches.RequestPushAsync("test-a"));
        Assert.Equal(1, await pusher.PushDueAsync());

        _gateway.Time.Advance(TimeSpan.FromHours(12) + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await pusher.PushDueAsync());
        Assert.Equal([1L, 2L, 3L], _published.Payloads("test-a").Select(payload => SignedCommand.Parse(payload).Version));
    }

    [Fact]
    public async Task OfflineLocker_IsNotPushed_UntilItIsBackOnline()
    {
        var availability = _gateway.Factory.Service<AvailabilityService>();
        await availability.SetLockerOnlineAsync("test-a", false);
        await _api.BookAsync();

        Assert.Equal(0, await Pusher().PushDueAsync());

        await availability.SetLockerOnlineAsync("test-a", true);
        Assert.Equal(1, await Pusher().PushDueAsync());
    }

    private ILockerStore Store => _gateway.Factory.Service<ILockerStore>();

    /// <summary>The sync_codes parts published so far, verified as the locker verifies them.</summary>
    private List<SignedCommand> Parts()
    {
        var verifier = new CommandVerifier(_config.LockerId, _config.CommandKey, new TestClock(_gateway.Time), new MemoryStorage());
        return _published.Payloads("test-a").Select(payload =>
        {
            var verdict = verifier.Verify(payload);
            Assert.True(verdict.Accepted, verdict.Reason);
            return verdict.Command!;
        }).ToList();
    }

    /// <summary>The locker's cache after every part published so far, as its core applies them.</summary>
    private OfflineCodeCache Apply()
    {
        var cache = new OfflineCodeCache(_config.CommandKey, new MemoryStorage());
        foreach (var part in Parts())
        {
            Assert.Equal("", cache.ApplyPart(part.Version, part.Part, part.Parts, part.Codes));
        }

        return cache;
    }

    private CodeCachePusher Pusher()
    {
        var sender = new LockerCommandSender(Store, _gateway.Factory.Service<CommandKeys>(), _published, _gateway.Factory.Service<LinkCounters>(),
            _gateway.Factory.Service<Lockers.Gateway.Monitoring.UnlockStopwatch>(), Options.Create(new LockerLinkOptions()), _gateway.Time,
            NullLogger<LockerCommandSender>.Instance);
        return new CodeCachePusher(Store, sender, _gateway.Factory.Service<CommandKeys>(), _gateway.Factory.Service<SecretSealer>(),
            Options.Create(new OfflineCodesOptions()), Options.Create(new LockerLinkOptions { Enabled = true }), _gateway.Time,
            NullLogger<CodeCachePusher>.Instance);
    }

    private sealed class RecordingPublisher : ILockerCommandPublisher
    {
        private readonly List<(string LockerId, byte[] Payload)> _sent = new();

        public Task PublishCommandAsync(string lockerId, byte[] payload, CancellationToken cancellationToken)
        {
            lock (_sent)
            {
                _sent.Add((lockerId, payload));
            }

            return Task.CompletedTask;
        }

        // Acks are not what this test watches.
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
