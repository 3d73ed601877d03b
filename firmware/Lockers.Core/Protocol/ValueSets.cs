namespace Lockers.Core.Protocol
{
    /// <summary>Membership in the small constant sets above (no LINQ or HashSet on nanoFramework).</summary>
    internal static class ValueSets
    {
        public static bool Contains(string[] values, string value)
        {
            for (int i = 0; i < values.Length; i++)
            {
                if (values[i] == value)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
