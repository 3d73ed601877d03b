namespace Lockers.Gateway.Recipients;

/// <summary>
/// Marker of the recipient page's texts: RecipientTexts.resx (English), .ja.resx and .zh-Hans.resx beside it. The page's
/// code and markup hold the keys.
/// </summary>
public sealed class RecipientTexts;
