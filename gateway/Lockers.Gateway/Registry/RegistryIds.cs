using System.Text.RegularExpressions;

namespace Lockers.Gateway.Registry;

/// <summary>Site and locker ids in the registry (and so in bookings): 1-63 of a-z, 0-9 and '-', not starting with '-'.</summary>
public static partial class RegistryIds
{
    public static bool IsValid(string id) => Pattern().IsMatch(id);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    private static partial Regex Pattern();
}
