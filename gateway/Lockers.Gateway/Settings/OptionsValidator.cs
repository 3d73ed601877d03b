using System.Globalization;
using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Settings;

/// <summary>
/// The one validator pattern for a section: <see cref="Check"/> looks at every option and reports each problem through
/// <see cref="OptionProblems"/>, which names the key ("Codes:PinLength must be between 4 and 10 (is 3)."); all problems
/// are reported at once, so one restart fixes them all.
/// </summary>
public abstract class OptionsValidator<TOptions> : IValidateOptions<TOptions> where TOptions : class, IGatewayOptions
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var problems = new OptionProblems(TOptions.Section);
        Check(options, problems);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems.All);
    }

    protected abstract void Check(TOptions options, OptionProblems problems);
}

/// <summary>What is wrong with one section, each problem a sentence starting with the option's key.</summary>
public sealed class OptionProblems(string section)
{
    private readonly List<string> _problems = [];

    public int Count => _problems.Count;

    public IReadOnlyList<string> All => _problems;

    /// <summary>"Section:Name", as configuration and environment variables (Section__Name) spell it.</summary>
    public string Key(string name) => $"{section}:{name}";

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public void Range(string name, long value, long min, long max, string unit = "")
    {
        if (value < min || value > max)
        {
            Add(name, $"must be between {min} and {max}{unit} (is {value}).");
        }
    }

    /// <summary>A number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public void Range(string name, double value, double min, double max, string unit = "")
    {
        if (double.IsNaN(value) || value < min || value > max)
        {
            Add(name, $"must be between {Text(min)} and {Text(max)}{unit} (is {Text(value)}).");
        }
    }

    /// <summary>Reports "<c>Section:Name</c> <paramref name="problem"/>" unless <paramref name="condition"/> holds.</summary>
    public void Require(bool condition, string name, string problem)
    {
        if (!condition)
        {
            Add(name, problem);
        }
    }

    /// <summary>An absolute http or https URL.</summary>
    public void HttpUrl(string name, string? value, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Require(!required, name, "is required: an absolute http(s) URL.");
            return;
        }

        Require(Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https", name,
            $"must be an absolute http(s) URL (is '{value}').");
    }

    private void Add(string name, string problem) => _problems.Add($"{Key(name)} {problem}");

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
