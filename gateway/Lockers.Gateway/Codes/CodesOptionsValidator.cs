using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Codes;

/// <summary>Refuses to start without a usable pepper: codes hashed under a missing or weak key are not protected.</summary>
public sealed class CodesOptionsValidator : IValidateOptions<CodesOptions>
{
    public const int MinimumPepperLength = 32;

    public ValidateOptionsResult Validate(string? name, CodesOptions options)
    {
        if (!string.IsNullOrEmpty(options.Pepper))
        {
            return options.Pepper.Length >= MinimumPepperLength
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"Codes:Pepper must be at least {MinimumPepperLength} characters long.");
        }
        if (!string.IsNullOrEmpty(options.PepperFile))
        {
            if (!File.Exists(options.PepperFile))
            {
                return ValidateOptionsResult.Fail($"Codes:PepperFile '{options.PepperFile}' does not exist.");
            }
            return File.ReadAllText(options.PepperFile).Trim().Length >= MinimumPepperLength
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"Codes:PepperFile '{options.PepperFile}' must hold at least {MinimumPepperLength} characters.");
        }
        return options.AllowDevPepper
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                "No pepper configured: set Codes:PepperFile (a file with at least 32 random characters) or the " +
                "environment variable Codes__Pepper. For a local demo only, set Codes:AllowDevPepper=true.");
    }
}
