namespace Lockers.Core.Texts
{
    /// <summary>
    /// The display languages, as BCP 47 primary tags (the device config's <c>language</c>): English, Japanese and
    /// Simplified Chinese. A locker shows its site's language; an unknown tag falls back to English.
    /// </summary>
    public static class DisplayLanguages
    {
        /// <summary>English; the fallback.</summary>
        public const string English = "en";

        /// <summary>Japanese.</summary>
        public const string Japanese = "ja";

        /// <summary>Simplified Chinese.</summary>
        public const string Chinese = "zh";

        /// <summary>Every language, in the order the documents list them.</summary>
        public static string[] All => new[] { English, Japanese, Chinese };

        /// <summary>True for a language the locker has a table for.</summary>
        public static bool IsKnown(string language) => language == English || language == Japanese || language == Chinese;

        /// <summary>The texts of <paramref name="language"/>, indexed by <see cref="MessageKeys"/>; English when unknown.</summary>
        public static string[] TableFor(string language)
        {
            if (language == Japanese) return JapaneseMessages.Texts;
            if (language == Chinese) return ChineseMessages.Texts;
            return EnglishMessages.Texts;
        }
    }
}
