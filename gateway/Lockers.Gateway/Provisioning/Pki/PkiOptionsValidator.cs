using Lockers.Gateway.Settings;

namespace Lockers.Gateway.Provisioning.Pki;

/// <summary>
/// Certificate lifetimes in range. <see cref="PkiOptions.Directory"/> is optional here: only the commands that use the CA
/// need it, and they say so naming the key (<see cref="PkiOptions.RequireDirectory"/>); a server without a CA folder starts.
/// </summary>
public sealed class PkiOptionsValidator : OptionsValidator<PkiOptions>
{
    protected override void Check(PkiOptions o, OptionProblems problems)
    {
        problems.Require(o.Directory is null || o.Directory.Trim().Length > 0, nameof(o.Directory), "must be a folder path, or left out.");
        problems.Range(nameof(o.LockerCertificateDays), o.LockerCertificateDays, 1, 3650, " days");
        problems.Range(nameof(o.ServiceCertificateDays), o.ServiceCertificateDays, 1, 3650, " days");
        problems.Range(nameof(o.CaYears), o.CaYears, 1, 50, " years");
    }
}
