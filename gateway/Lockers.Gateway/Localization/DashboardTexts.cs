using System.Globalization;

namespace Lockers.Gateway.Localization;

/// <summary>
/// Marker of everything staff read on the maintenance dashboard: DashboardTexts.resx (English), .ja.resx and .zh-Hans.resx
/// beside it. One table for the pages (served to their scripts as /i18n/dashboard.{lang}.json) and for the words the
/// gateway writes for them (the audit trail, alarm details, refusals and outcomes of maintenance actions), so a page and
/// its API answers speak the same language with the same terms (docs/adr/0308-dashboard-languages.md). It lives here,
/// below the feature folders, because Audit, Monitoring, Staff and Dashboard all read it.
/// </summary>
public sealed class DashboardTexts
{
    private DashboardTexts()
    {
    }

    public static TextResources Resources { get; } = new(typeof(DashboardTexts));

    /// <summary>English with invariant number formatting: the words the gateway stores (alarm details) and sends in webhooks.</summary>
    public static PageTexts English { get; } = Resources.For(Languages.English, CultureInfo.InvariantCulture);

    /// <summary>
    /// The texts of the staff member behind <paramref name="context"/>: their switch (the cookie <see cref="LanguageChoice"/>
    /// remembers), else Accept-Language, else English; dates and numbers in that language's usual culture.
    /// </summary>
    public static PageTexts For(HttpContext context)
    {
        var language = LanguageChoice.For(context, siteLanguage: null);
        return Resources.For(language, Languages.FormatCulture(language, null));
    }
}
