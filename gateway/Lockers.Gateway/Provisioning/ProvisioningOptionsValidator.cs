using Lockers.Gateway.Settings;

namespace Lockers.Gateway.Provisioning;

/// <summary>The broker's files are optional, but a path given must be one a file can be at.</summary>
public sealed class ProvisioningOptionsValidator : OptionsValidator<ProvisioningOptions>
{
    protected override void Check(ProvisioningOptions o, OptionProblems problems)
    {
        CheckFile(problems, nameof(o.CrlFile), o.CrlFile);
        CheckFile(problems, nameof(o.AclFile), o.AclFile);
        CheckFile(problems, nameof(o.PidFile), o.PidFile);
    }

    private static void CheckFile(OptionProblems problems, string name, string? path)
    {
        if (path is null)
        {
            return;
        }

        problems.Require(path.Trim().Length > 0, name, "must be a file path, or left out.");
        problems.Require(!Directory.Exists(path), name, $"'{path}' is a directory; give the file's path.");
    }
}
