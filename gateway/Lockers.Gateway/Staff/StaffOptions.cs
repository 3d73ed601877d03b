using Lockers.Gateway.Settings;

namespace Lockers.Gateway.Staff;

/// <summary>Section "Staff": the dashboard's sign-in session.</summary>
public sealed class StaffOptions : IGatewayOptions
{
    public static string Section => "Staff";

    /// <summary>A session ends after this long without a request.</summary>
    public int SessionMinutes { get; set; } = 60;

    /// <summary>
    /// Send the session and anti-forgery cookies only over HTTPS; the dashboard then refuses plain-HTTP requests.
    /// Turn off only for a plain-HTTP demo or lab network (the browser tests run over HTTPS with this on).
    /// </summary>
    public bool SecureCookies { get; set; } = true;

    /// <summary>PBKDF2 iterations for new password hashes (existing hashes keep their own count).</summary>
    public int PasswordIterations { get; set; } = StaffPasswordHasher.DefaultIterations;
}
