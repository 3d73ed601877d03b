using System.Text.Json;

namespace Lockers.Demo;

/// <summary>One parcel the demo booked, and what it learnt about it since (the recipient's codes come by webhook).</summary>
public sealed class DemoParcel
{
    public required string ReservationId { get; init; }
    public required string ParcelReference { get; init; }
    public required string Size { get; init; }
    public required string DropoffCode { get; set; }
    public string? LockerId { get; set; }
    public int? Compartment { get; set; }
    public string Status { get; set; } = "booked";
    public string? PickupPin { get; set; }
    public string? QrToken { get; set; }
    public string? AccessLink { get; set; }
}

/// <summary>
/// What the demo remembers between runs (<c>demo.json</c> in the data directory): which setup steps are done, the
/// ports, the API client's key and webhook secret, and the parcels. It holds secrets: the file is the user's only.
/// </summary>
public sealed class DemoState
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public int BrokerPort { get; set; }
    public int HttpPort { get; set; }
    public int WebhookPort { get; set; }
    /// <summary>The deployment CA, the broker's server certificate and the gateway's client certificate exist (ADR 0203).</summary>
    public bool CertificatesIssued { get; set; }
    public bool SiteImported { get; set; }
    public List<string> ProvisionedLockers { get; set; } = [];
    public string? ApiKey { get; set; }
    public string? WebhookSecret { get; set; }

    /// <summary>The dashboard's demo sign-in (<see cref="DashboardUser"/>), generated on the first run.</summary>
    public string? DashboardPassword { get; set; }

    public const string DashboardUser = "demo-admin";

    /// <summary>The site's courier (issued over the API on the first run): the badge token to scan and the PIN to type.</summary>
    public string? CourierBadge { get; set; }
    public string? CourierPin { get; set; }
    public bool Booked { get; set; }
    public List<DemoParcel> Parcels { get; set; } = [];

    public static DemoState LoadOrNew(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<DemoState>(File.ReadAllText(path), Json) ?? new DemoState() : new DemoState();

    /// <summary>Writes the file in one step (a crash never leaves half of it).</summary>
    public void Save(string path)
    {
        var temporary = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        {
            JsonSerializer.Serialize(stream, this, Json);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
