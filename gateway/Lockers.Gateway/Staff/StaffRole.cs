namespace Lockers.Gateway.Staff;

/// <summary>
/// What a staff member may do on the dashboard; each role includes the ones before it.
/// viewer: look; maintenance: acknowledge alarms, open doors, take compartments out of service, move parcels;
/// admin: everything, including staff accounts.
/// </summary>
public enum StaffRole
{
    Viewer = 1,
    Maintenance = 2,
    Admin = 3,
}

public static class StaffRoles
{
    public static string ToWire(this StaffRole role) => role.ToString().ToLowerInvariant();

    public static bool TryParse(string? text, out StaffRole role)
    {
        role = default;
        return text is "viewer" or "maintenance" or "admin" && Enum.TryParse(text, ignoreCase: true, out role);
    }

    /// <summary>The role names a claim must carry to pass a policy that needs at least <paramref name="minimum"/>.</summary>
    public static string[] AtLeast(StaffRole minimum) =>
        Enum.GetValues<StaffRole>().Where(role => role >= minimum).Select(ToWire).ToArray();
}
