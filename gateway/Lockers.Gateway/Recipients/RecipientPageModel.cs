using System.Globalization;
using Lockers.Gateway.Localization;
using Lockers.Gateway.Reservations;

namespace Lockers.Gateway.Recipients;

/// <summary>
/// What <see cref="RecipientPage"/> renders: the texts in the reader's language, the parcel's view (null: the link does not
/// work), and a notice or an error from the last action. Dates are the site's local time in the reader's format.
/// </summary>
public sealed class RecipientPageModel(PageTexts texts, TextResources resources, RecipientView? view, string token)
{
    public PageTexts Texts { get; } = texts;

    public RecipientView? View { get; } = view;

    /// <summary>The link's token, for the QR image and the forms (the page is only ever served to whoever holds it).</summary>
    public string Token { get; } = token;

    public string? Notice { get; init; }

    public string? Error { get; init; }

    /// <summary>The lead of a page without a parcel: a dead link, or too many requests.</summary>
    public string NotFoundLead { get; init; } = texts["Error.NotFound.Lead"];

    /// <summary>The state as the body's data-state (tests and styles read it): on_the_way, waiting, ..., not_found.</summary>
    public string StateName => View is null ? "not_found" : Snake(View.State.ToString());

    /// <summary>The state's prefix in the texts (Waiting.Title).</summary>
    public string StateKey => View?.State.ToString() ?? "Error.NotFound";

    public string SwitchTo(string language) => $"?{LanguageChoice.QueryParameter}={language}";

    public string NativeName(string language) => resources.Get("Language.Self", language);

    /// <summary>The door is shown once the parcel is in it, and to a sender (whose code opens it).</summary>
    public bool ShowsDoor => View?.State is RecipientPageState.Waiting or RecipientPageState.Moved or RecipientPageState.SendBooked
        or RecipientPageState.SendDeposited;

    /// <summary>OpenStreetMap at the site's point (works in every browser; phones offer their map app).</summary>
    public string? MapLink => View?.Site.Location is { } point
        ? string.Create(CultureInfo.InvariantCulture,
            $"https://www.openstreetmap.org/?mlat={point.Latitude:0.######}&mlon={point.Longitude:0.######}#map=18/{point.Latitude:0.######}/{point.Longitude:0.######}")
        : null;

    public string Hours => View?.Site.Hours is { } hours
        ? Texts.Text("Place.HoursRange", hours.Opens.ToString("t", Texts.Format), hours.Closes.ToString("t", Texts.Format))
        : Texts["Place.AlwaysOpen"];

    /// <summary>A time in the site's zone, as the reader writes dates: "2026年3月4日 19:00", "Wednesday, March 4, 2026 7:00 PM".</summary>
    public string Local(DateTimeOffset? time)
    {
        if (time is not { } value || View is null)
        {
            return "";
        }

        var local = TimeZoneInfo.ConvertTime(value, View.Site.Zone);
        return local.ToString("D", Texts.Format) + " " + local.ToString("t", Texts.Format);
    }

    /// <summary>Time left, to the hour beyond a day and to the minute within one.</summary>
    public string Duration(TimeSpan left) => left.TotalHours >= 24
        ? Texts.Text("Duration.DaysHours", left.Days, left.Hours)
        : Texts.Text("Duration.HoursMinutes", (int)left.TotalHours, left.Minutes);

    private static string Snake(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
