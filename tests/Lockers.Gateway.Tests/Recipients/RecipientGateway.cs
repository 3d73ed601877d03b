using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Lockers.Core.Board;
using Lockers.Gateway.Clients;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Codes;
using Lockers.Gateway.Reservations;
using Lockers.Gateway.Reservations.Doors;
using Lockers.Gateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Lockers.Gateway.Tests.Recipients;

/// <summary>
/// A gateway with three sites in central Tokyo (locale ja-JP, Asia/Tokyo) and one in Osaka, a carrier's API key, and a
/// browser-like client for the parcel page. "tokyo-station" has an S, an accessible S and an M; "tokyo-yaesu" (0.4 km
/// away) one S; "tokyo-ginza" (1.4 km) one S and one M; "osaka-umeda" (400 km) one S.
/// </summary>
public sealed partial class RecipientGateway : IAsyncDisposable
{
    public const string Station = "tokyo-station";
    public const string Yaesu = "tokyo-yaesu";
    public const string Ginza = "tokyo-ginza";
    public const string Osaka = "osaka-umeda";

    private RecipientGateway(GatewayFixture gateway) => Gateway = gateway;

    public GatewayFixture Gateway { get; }
    public HttpClient Api { get; private set; } = null!;
    public CreatedApiKey Key { get; private set; } = null!;

    public static async Task<RecipientGateway> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?> { ["Webhooks:DispatcherEnabled"] = "false" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var gateway = new RecipientGateway(new GatewayFixture(all));
        foreach (var site in Sites)
        {
            await gateway.Gateway.Factory.Service<RegistryService>().ImportAsync(site, "test");
        }

        gateway.Key = await gateway.Gateway.CreateKeyAsync("yamato", "http://127.0.0.1:9/hook"); // webhooks queue; nothing delivers them
        gateway.Api = gateway.Gateway.HttpFor(gateway.Key);
        return gateway;
    }

    public static IReadOnlyList<SiteDefinition> Sites =>
    [
        Site(Station, "東京駅 丸の内口", 35.6812, 139.7671, ("a", [CompartmentSize.S, CompartmentSize.S, CompartmentSize.M]),
            "東京都千代田区丸の内1丁目", new OpeningHours(new TimeOnly(6, 0), new TimeOnly(23, 30)),
            new Dictionary<string, string> { ["ja"] = "丸の内北口を出て左、郵便局の隣", ["en"] = "Leave by the Marunouchi North exit; next to the post office." }),
        Site(Yaesu, "八重洲地下街", 35.6800, 139.7712, ("y", [CompartmentSize.S]), "東京都中央区八重洲2丁目"),
        Site(Ginza, "銀座一丁目", 35.6742, 139.7802, ("g", [CompartmentSize.S, CompartmentSize.M]), "東京都中央区銀座1丁目"),
        Site(Osaka, "梅田", 34.7025, 135.4959, ("o", [CompartmentSize.S]), "大阪府大阪市北区梅田"),
    ];

    /// <summary>Books a delivery of <paramref name="size"/> at <paramref name="site"/> over the API.</summary>
    public Task<BookedReservationResponse> BookAsync(string site = Station, string size = "S", string parcel = "JP-0001", string kind = "delivery") =>
        Api.BookAsync(new
        {
            siteId = site, size, accessible = false, parcelReference = parcel, kind,
            recipient = new { email = "hana@example.jp", phone = "+819012345678" },
        });

    /// <summary>A client like a phone's browser: cookies, no automatic redirects, one preferred language.</summary>
    public HttpClient Browser(string? acceptLanguage = null)
    {
        var http = Gateway.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (acceptLanguage is not null)
        {
            http.DefaultRequestHeaders.AcceptLanguage.Add(StringWithQualityHeaderValue.Parse(acceptLanguage));
        }

        return http;
    }

    public static string PathOf(string accessLink) => new Uri(accessLink).AbsolutePath;

    public static string TokenOf(string accessLink) => PathOf(accessLink)["/r/".Length..];

    /// <summary>A courier deposits with the drop-off code at <paramref name="site"/>: the door opens and closes; the recipient's codes come back.</summary>
    public async Task<IssuedPickupCodes?> DepositAsync(string site, string dropoffCode)
    {
        var door = await OpenWithAsync(site, dropoffCode);
        return (await Gateway.Factory.Service<DoorEventService>().ReportClosedAsync(door.LockerId, door.Number, NextSeq())).PickupCodes;
    }

    /// <summary>A code typed at <paramref name="site"/>'s first locker opens its door (asserted); the door is left open.</summary>
    public async Task<CompartmentRef> OpenWithAsync(string site, string code, CodeSource source = CodeSource.Keypad)
    {
        var check = await CheckAsync(site, code, source);
        Assert.Equal(CodeCheckOutcome.Accepted, check.Outcome);
        Assert.Equal(DoorEventOutcome.Applied,
            await Gateway.Factory.Service<DoorEventService>().ConfirmOpenedAsync(check.Compartment!.Value.LockerId, check.Compartment.Value.Number, NextSeq()));
        return check.Compartment.Value;
    }

    public Task<CodeCheckResult> CheckAsync(string site, string code, CodeSource source = CodeSource.Keypad) =>
        Gateway.Factory.Service<LockerCodeVerifier>().CheckCodeAsync(new CodeCheckRequest(site, Sites.Single(s => s.Site.Id == site).Lockers[0].Id,
            source == CodeSource.Qr ? "qr-1" : "kp-1", code, source));

    public async Task CloseAsync(CompartmentRef door) =>
        await Gateway.Factory.Service<DoorEventService>().ReportClosedAsync(door.LockerId, door.Number, NextSeq());

    private long _seq;

    private long NextSeq() => Interlocked.Increment(ref _seq);

    /// <summary>The stored reservation, every field (hashes included) as JSON: equal snapshots mean nothing changed.</summary>
    public async Task<string> SnapshotAsync(string id) => System.Text.Json.JsonSerializer.Serialize(await ReservationAsync(id));

    public async Task<Reservation> ReservationAsync(string id) =>
        (await Gateway.Factory.Service<Gateway.Store.ILockerStore>().ReadAsync(tx => tx.Reservations.GetAsync(id)))!;

    /// <summary>The page's state (body data-state) and visible text without tags.</summary>
    public static (string State, string Text) Read(string html) =>
        (StatePattern().Match(html).Groups[1].Value, System.Net.WebUtility.HtmlDecode(TagPattern().Replace(html, " ")));

    public async ValueTask DisposeAsync()
    {
        Gateway.Dispose();
        await Task.CompletedTask;
    }

    private static SiteDefinition Site(string id, string name, double latitude, double longitude, (string Prefix, CompartmentSize[] Sizes) locker,
        string address, OpeningHours? hours = null, Dictionary<string, string>? notes = null)
    {
        var lockerId = id + "-" + locker.Prefix;
        return new SiteDefinition(
            new Site(id, name, address, new GeoPoint(latitude, longitude), hours, notes, "ja-JP", "Asia/Tokyo"),
            [new Locker(lockerId, id, "キャビネット" + locker.Prefix.ToUpperInvariant())],
            locker.Sizes.Select((size, i) => new Compartment(lockerId, i + 1, size, 0, i, Accessible: id == Station && i == 1)).ToList());
    }

    [GeneratedRegex("data-state=\"([a-z_]+)\"")]
    private static partial Regex StatePattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();
}
