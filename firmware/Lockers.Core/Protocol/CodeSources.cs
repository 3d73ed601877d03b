namespace Lockers.Core.Protocol
{
    /// <summary>Values of <see cref="Fields.Source"/> in a code_entered event.</summary>
    public static class CodeSources
    {
        /// <summary>Typed on a keypad.</summary>
        public const string Keypad = "keypad";

        /// <summary>Read by the QR scanner.</summary>
        public const string Qr = "qr";

        /// <summary>True for a known source.</summary>
        public static bool IsKnown(string source) => source == Keypad || source == Qr;
    }
}
