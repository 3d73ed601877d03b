using System.Globalization;
using System.Resources;

namespace Lockers.Gateway.Localization;

/// <summary>
/// One component's texts (a .resx file per language beside a marker class: RecipientTexts.resx, .ja.resx, .zh-Hans.resx),
/// read through the framework's ResourceManager. Code holds keys; a missing key throws, and a test holds every key used
/// to be in every language.
/// </summary>
public sealed class TextResources(Type marker)
{
    private readonly ResourceManager _resources = new(marker);

    /// <summary>The component's name in <see cref="TextsApi"/>'s URL: the marker's name without "Texts", lower case.</summary>
    public string Component { get; } = marker.Name.Replace("Texts", "", StringComparison.Ordinal).ToLowerInvariant();

    /// <summary>The texts of <paramref name="language"/>, formatting dates and numbers in <paramref name="format"/>.</summary>
    public PageTexts For(string language, CultureInfo format) => new(this, language, format);

    /// <summary>The text, or null when the key is not in the table (a code the texts have no words for yet).</summary>
    public string? Find(string key, string language) => _resources.GetString(key, Languages.ResourceCulture(language));

    public string Get(string key, string language) =>
        _resources.GetString(key, Languages.ResourceCulture(language))
        ?? throw new KeyNotFoundException($"text '{key}' is missing from {Component} (language {language})");

    /// <summary>Every key with its text in <paramref name="language"/> (English where a translation is missing).</summary>
    public IReadOnlyDictionary<string, string> All(string language)
    {
        var keys = _resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true)!
            .Cast<System.Collections.DictionaryEntry>().Select(entry => (string)entry.Key);
        return keys.Order(StringComparer.Ordinal).ToDictionary(key => key, key => Get(key, language));
    }

    /// <summary>The keys of one language's own file (no fallback): a test compares them with English.</summary>
    public IReadOnlyList<string> OwnKeys(string language) =>
        _resources.GetResourceSet(Languages.ResourceCulture(language), createIfNotExists: true, tryParents: false)?
            .Cast<System.Collections.DictionaryEntry>().Select(entry => (string)entry.Key).Order(StringComparer.Ordinal).ToList() ?? [];
}

/// <summary>The texts of one language for one page, with the culture that formats its dates and numbers.</summary>
public sealed class PageTexts(TextResources resources, string language, CultureInfo format)
{
    public string Language { get; } = language;

    public string HtmlLang => Languages.HtmlLang(Language);

    public CultureInfo Format { get; } = format;

    public string this[string key] => resources.Get(key, Language);

    /// <summary>The text with {0}.. filled in, numbers and dates formatted for the reader.</summary>
    public string Text(string key, params object[] arguments) => string.Format(Format, this[key], arguments);

    /// <summary>The words for one of the gateway's codes (an alarm kind): the text prefix.code, else the code with spaces.</summary>
    public string Word(string prefix, string code) => resources.Find(prefix + "." + code, Language) ?? code.Replace('_', ' ');
}
