namespace Lockers.Core.Board
{
    /// <summary>A compartment's size class, as booked by carriers.</summary>
    public enum CompartmentSize
    {
        /// <summary>Small ("S").</summary>
        S,
        /// <summary>Medium ("M").</summary>
        M,
        /// <summary>Large ("L").</summary>
        L,
        /// <summary>Extra large ("XL").</summary>
        XL,
    }

    /// <summary>Text forms of <see cref="CompartmentSize"/> (Enum.ToString gives a number on nanoFramework).</summary>
    public static class CompartmentSizes
    {
        /// <summary>"S", "M", "L" or "XL".</summary>
        public static string ToName(CompartmentSize size)
        {
            switch (size)
            {
                case CompartmentSize.S: return "S";
                case CompartmentSize.M: return "M";
                case CompartmentSize.L: return "L";
                case CompartmentSize.XL: return "XL";
                default: return "?";
            }
        }

        /// <summary>Parses "S", "M", "L" or "XL" (exact case); false for anything else.</summary>
        public static bool TryParse(string text, out CompartmentSize size)
        {
            size = CompartmentSize.S;
            switch (text)
            {
                case "S": return true;
                case "M": size = CompartmentSize.M; return true;
                case "L": size = CompartmentSize.L; return true;
                case "XL": size = CompartmentSize.XL; return true;
                default: return false;
            }
        }
    }
}
