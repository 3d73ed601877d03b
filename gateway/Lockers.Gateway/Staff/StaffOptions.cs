using System.ComponentModel.DataAnnotations;

namespace Lockers.Gateway.Staff;

/// <summary>Section "Staff": the dashboard's sign-in session.</summary>
public sealed class StaffOptions
{
    public const string Section = "Staff";

    /// <summary>A session ends after this long without a request.</summary>
    [Range(1, 24 * 60, ErrorMessage = "Staff:SessionMinutes must be between 1 and 1440.")]
    public int SessionMinutes { get; set; } = 60;

    /// <summary>
    /// Send the session and anti-forgery cookies only over HTTPS; the dashboard then refuses plain-HTTP requests.
    /// Turn off only for a plain-HTTP demo or lab network (the browser tests run over HTTPS with this on).
    /// </summary>
    public bool SecureCookies { get; set; } = true;

    /// <summary>PBKDF2 iterations for new password hashes (existing hashes keep their own count).</summary>
    [Range(100_000, 10_000_000, ErrorMessage = "Staff:PasswordIterations must be between 100000 and 10000000.")]
    public int PasswordIterations { get; set; } = StaffPasswordHasher.DefaultIterations;
}
