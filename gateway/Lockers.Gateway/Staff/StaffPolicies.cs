using System.Security.Claims;

namespace Lockers.Gateway.Staff;

/// <summary>The cookie scheme and authorization policies of the dashboard.</summary>
public static class StaffPolicies
{
    public const string Scheme = "Staff";
    public const string Viewer = "staff-viewer";
    public const string Maintenance = "staff-maintenance";
    public const string Admin = "staff-admin";

    /// <summary>The claim holding the SHA-256 (base64) of the session's key, so a long request can ask whether it still stands.</summary>
    public const string SessionClaim = "lockers:session";

    public static string UserName(this ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";

    public static StaffRole Role(this ClaimsPrincipal user) =>
        StaffRoles.TryParse(user.FindFirstValue(ClaimTypes.Role), out var role) ? role : StaffRole.Viewer;
}
