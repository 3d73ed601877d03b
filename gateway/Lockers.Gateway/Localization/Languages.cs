using System.Globalization;

namespace Lockers.Gateway.Localization;

/// <summary>
/// The languages people read the gateway's pages in: English, Japanese and Simplified Chinese, by their BCP 47 primary
/// tag (the same tags as the locker display's, firmware/Lockers.Core/Texts). Each has the culture its resource files are
/// named by and a default culture for dates and numbers; a site's locale (ja-JP, en-GB) formats them when it speaks
/// the same language.
/// </summary>
public static class Languages
{
    public const string English = "en";
    public const string Japanese = "ja";
    public const string Chinese = "zh";

    /// <summary>Every language, in the order a language switch lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [Japanese, English, Chinese];

    /// <summary>The language of a tag (ja-JP -> ja, zh-TW -> zh: Simplified is closer than English), or null for another language.</summary>
    public static string? FromTag(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return null;
        }

        var primary = tag.Split('-', '_')[0].Trim().ToLowerInvariant();
        return All.Contains(primary) ? primary : null;
    }

    /// <summary>The resource culture (the name of the .resx files: none for English, .ja, .zh-Hans).</summary>
    public static CultureInfo ResourceCulture(string language) => language switch
    {
        Japanese => CultureInfo.GetCultureInfo("ja"),
        Chinese => CultureInfo.GetCultureInfo("zh-Hans"),
        _ => CultureInfo.InvariantCulture,
    };

    /// <summary>The html lang attribute: "zh-Hans" says which script, the others their language.</summary>
    public static string HtmlLang(string language) => language == Chinese ? "zh-Hans" : language;

    /// <summary>
    /// The culture that formats dates and numbers for a reader of <paramref name="language"/> at a site whose locale is
    /// <paramref name="siteLocale"/>: the site's own when it speaks that language (en-GB writes 4 March), else the
    /// language's usual one.
    /// </summary>
    public static CultureInfo FormatCulture(string language, string? siteLocale)
    {
        if (siteLocale is not null && FromTag(siteLocale) == language && TryCulture(siteLocale) is { } site)
        {
            return site;
        }

        return CultureInfo.GetCultureInfo(language switch
        {
            Japanese => "ja-JP",
            Chinese => "zh-CN",
            _ => "en-US",
        });
    }

    /// <summary>The culture named <paramref name="tag"/>, or null when the platform does not know it.</summary>
    public static CultureInfo? TryCulture(string tag)
    {
        try
        {
            var culture = CultureInfo.GetCultureInfo(tag, predefinedOnly: true);
            return culture.Name.Length == 0 ? null : culture;
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }
}
