using Lockers.Gateway.Settings;

namespace Lockers.Gateway.Codes;

/// <summary>Refuses to start without a usable pepper: codes hashed under a missing or weak key are not protected.</summary>
public sealed class CodesOptionsValidator : OptionsValidator<CodesOptions>
{
    public const int MinimumPepperLength = 32;

    protected override void Check(CodesOptions o, OptionProblems problems)
    {
        CheckPepper(o, problems);
        problems.Range(nameof(o.PinLength), o.PinLength, 4, 10, " digits");
        problems.Range(nameof(o.DropoffCodeLength), o.DropoffCodeLength, 6, 12, " digits");
        problems.Range(nameof(o.CollectCodeLength), o.CollectCodeLength, 6, 12, " digits");
        problems.Range(nameof(o.CourierPinLength), o.CourierPinLength, 6, 12, " digits");
        problems.Require(o.CourierPinLength != o.PinLength && o.CourierPinLength != o.DropoffCodeLength && o.CourierPinLength != o.CollectCodeLength,
            nameof(o.CourierPinLength), $"must differ from Codes:PinLength, Codes:DropoffCodeLength and Codes:CollectCodeLength (is {o.CourierPinLength}), " +
            "so that a typed code is either a courier's PIN or a parcel's code, never both.");
        problems.Range(nameof(o.MaxGenerationAttempts), o.MaxGenerationAttempts, 1, 1000);
    }

    private static void CheckPepper(CodesOptions o, OptionProblems problems)
    {
        if (!string.IsNullOrEmpty(o.Pepper))
        {
            problems.Require(o.Pepper.Length >= MinimumPepperLength, nameof(o.Pepper), $"must be at least {MinimumPepperLength} characters long.");
        }
        else if (!string.IsNullOrEmpty(o.PepperFile))
        {
            if (!File.Exists(o.PepperFile))
            {
                problems.Require(false, nameof(o.PepperFile), $"'{o.PepperFile}' does not exist.");
                return;
            }
            problems.Require(File.ReadAllText(o.PepperFile).Trim().Length >= MinimumPepperLength, nameof(o.PepperFile),
                $"'{o.PepperFile}' must hold at least {MinimumPepperLength} characters.");
        }
        else
        {
            problems.Require(o.AllowDevPepper, nameof(o.PepperFile),
                "is not set, nor Codes:Pepper: set Codes:PepperFile (a file with at least 32 random characters) or the " +
                "environment variable Codes__Pepper. For a local demo only, set Codes:AllowDevPepper=true.");
        }
    }
}
