using Lockers.Gateway.Settings;

namespace Lockers.Gateway.Store;

public sealed class StoreOptionsValidator : OptionsValidator<StoreOptions>
{
    protected override void Check(StoreOptions o, OptionProblems problems)
    {
        problems.Require(!string.IsNullOrWhiteSpace(o.DataDirectory), nameof(o.DataDirectory), "is required: the directory that holds the gateway's database.");
        problems.Require(!string.IsNullOrEmpty(o.FileName) && o.FileName.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'),
            nameof(o.FileName), $"must be a plain file name of letters, digits and . _ - (is '{o.FileName}').");
        problems.Range(nameof(o.BusyTimeoutMs), o.BusyTimeoutMs, 100, 120_000, " ms");
    }
}
