using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Lockers.Gateway.Codes;
using Lockers.Gateway.Link;
using Lockers.Gateway.Settings;
using Lockers.Gateway.Tests.Architecture;
using Lockers.Gateway.Tests.Infrastructure;
using Lockers.Gateway.Throttle;
using Lockers.Testing;
using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Tests.Settings;

/// <summary>
/// Every options section is bound and validated one way (gateway/Lockers.Gateway/Settings/GatewayOptions.cs), names its keys in every problem,
/// and is listed, option by option with its default, in appsettings.example.json and the gateway README.
/// </summary>
public sealed partial class GatewayOptionsTests
{
    /// <summary>Every options class of the gateway, by its section.</summary>
    private static readonly IReadOnlyDictionary<string, Type> Sections = typeof(Program).Assembly.GetTypes()
        .Where(t => t.IsClass && !t.IsAbstract && typeof(IGatewayOptions).IsAssignableFrom(t))
        .ToDictionary(t => (string)t.GetProperty(nameof(IGatewayOptions.Section), BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!);

    private static string GatewayFile(string name) => RepositoryRoot.File("gateway", "Lockers.Gateway", name);

    [Fact]
    public void Sections_AreTheEighteenTheGatewayHas()
    {
        Assert.Equal(
            ["Codes", "Couriers", "Expiry", "Guard", "Http", "LockerLink", "Metrics", "Monitoring", "OfflineCodes", "Pki", "Provisioning",
                "RecipientPolicy", "Recipients", "Reservations", "Staff", "Store", "Throttle", "Webhooks"],
            Sections.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ExampleFile_ListsEveryOptionWithItsDefault_AndNoOtherKey()
    {
        var example = JsonNode.Parse(File.ReadAllText(GatewayFile("appsettings.example.json")))!.AsObject();
        var problems = new List<string>();

        var documentedSections = example.Select(p => p.Key).Where(key => !key.StartsWith("//", StringComparison.Ordinal)).ToList();
        problems.AddRange(documentedSections.Except(Sections.Keys).Select(s => $"section '{s}' is no options class's"));
        problems.AddRange(Sections.Keys.Except(documentedSections).Select(s => $"section '{s}' is missing"));

        foreach (var (section, type) in Sections.Where(s => example.ContainsKey(s.Key)))
        {
            var listed = example[section]!.AsObject();
            var defaults = Activator.CreateInstance(type)!;
            var options = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).ToList();
            foreach (var option in options)
            {
                var key = $"{section}:{option.Name}";
                if (!listed.TryGetPropertyValue(option.Name, out var value))
                {
                    problems.Add($"{key} is missing");
                    continue;
                }

                var expected = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(option.GetValue(defaults), option.PropertyType));
                if (!JsonNode.DeepEquals(expected, value))
                {
                    problems.Add($"{key} is listed as {value?.ToJsonString() ?? "null"}; its default is {expected?.ToJsonString() ?? "null"}");
                }

                if (!listed.ContainsKey("//" + option.Name))
                {
                    problems.Add($"{key} has no \"//{option.Name}\" line saying what it is");
                }
            }

            foreach (var stray in listed.Select(p => p.Key.TrimStart('/')).Distinct().Where(k => options.All(o => o.Name != k)))
            {
                problems.Add($"{section}:{stray} is no option of {type.Name}");
            }
        }

        Assert.True(problems.Count == 0, "appsettings.example.json and the options classes disagree:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void Readme_ConfigurationTable_ListsEverySectionWithItsClass()
    {
        var readme = File.ReadAllText(GatewayFile("README.md"));
        var start = readme.IndexOf("## Configuration", StringComparison.Ordinal);
        var section = readme[start..readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal)];

        var rows = ConfigurationRow().Matches(section).Select(m => $"{m.Groups["section"].Value}={m.Groups["class"].Value}").Order(StringComparer.Ordinal);

        Assert.Equal(Sections.Select(s => $"{s.Key}={s.Value.Name}").Order(StringComparer.Ordinal), rows);
    }

    [Fact]
    public void RunningGateway_ValidatesEverySectionWithItsOneValidator()
    {
        using var gateway = new GatewayFixture();
        _ = gateway.Factory.Server; // started: every section passed ValidateOnStart

        foreach (var (section, type) in Sections)
        {
            var validators = ((IEnumerable<object>)gateway.Factory.Services.GetService(typeof(IEnumerable<>).MakeGenericType(typeof(IValidateOptions<>).MakeGenericType(type)))!).ToList();
            var validator = Assert.Single(validators);
            Assert.Equal(typeof(OptionsValidator<>).MakeGenericType(type), validator.GetType().BaseType);
            Assert.NotNull(gateway.Factory.Services.GetService(typeof(IOptions<>).MakeGenericType(type)));
        }
    }

    [Fact]
    public void Configuration_IsBoundOnlyByAddGatewayOptions()
    {
        string[] binders =
        [
            "Microsoft.Extensions.Configuration.ConfigurationBinder",
            "Microsoft.Extensions.DependencyInjection.OptionsBuilderConfigurationExtensions",
            "Microsoft.Extensions.DependencyInjection.OptionsConfigurationServiceCollectionExtensions",
            "Microsoft.Extensions.DependencyInjection.OptionsBuilderDataAnnotationsExtensions",
        ];

        var elsewhere = GatewayIl.Methods()
            .Where(m => m.Source.FullName != typeof(GatewayOptions).FullName)
            .SelectMany(m => GatewayIl.Calls(m.Method)
                .Where(call => binders.Contains(call.DeclaringType.FullName) || call.Name == "GetSection")
                .Select(call => $"{m.Source.FullName}: {call.DeclaringType.Name}.{call.Name}"))
            .Distinct()
            .ToList();

        Assert.True(elsewhere.Count == 0, "Bind a section with AddGatewayOptions (Settings/GatewayOptions):\n" + string.Join("\n", elsewhere));
    }

    [Fact]
    public void EveryNumericOption_OutOfRangeEitherWay_IsRefusedNamingItsKey()
    {
        var problems = new List<string>();
        foreach (var (section, type) in Sections)
        {
            var validator = ValidatorFor(type);
            Assert.True(Validate(validator, Valid(type)) is null, $"{section}'s defaults (with its secret) do not validate: {Validate(validator, Valid(type))}");
            foreach (var option in type.GetProperties().Where(p => p.CanWrite && (p.PropertyType == typeof(int) || p.PropertyType == typeof(double))))
            {
                foreach (var wrong in option.PropertyType == typeof(int) ? new object[] { int.MinValue, int.MaxValue } : [-1e9, 1e9])
                {
                    var options = Valid(type);
                    option.SetValue(options, wrong);
                    var failure = Validate(validator, options);
                    if (failure is null || !failure.Contains($"{section}:{option.Name}", StringComparison.Ordinal))
                    {
                        problems.Add($"{section}:{option.Name} = {wrong}: {failure ?? "accepted"}");
                    }
                }
            }
        }

        Assert.True(problems.Count == 0, "Each number needs a range whose message names its key:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void ThrottleSchedule_SetInConfiguration_ReplacesTheDefault()
    {
        using var gateway = new GatewayFixture(new Dictionary<string, string?>
        {
            ["Throttle:DelaysSeconds:0"] = "0", ["Throttle:DelaysSeconds:1"] = "30",
        });

        Assert.Equal([0, 30], gateway.Factory.Service<IOptions<ThrottleOptions>>().Value.DelaysSeconds);
    }

    /// <summary>Defaults, plus what a section needs to be checked at all: a pepper, an enabled link with a password.</summary>
    private static object Valid(Type type)
    {
        var options = Activator.CreateInstance(type)!;
        switch (options)
        {
            case CodesOptions codes:
                codes.Pepper = GatewayFactory.TestPepper;
                break;
            case LockerLinkOptions link:
                link.Enabled = true;
                link.Password = "secret";
                break;
        }

        return options;
    }

    private static object ValidatorFor(Type options) => Activator.CreateInstance(typeof(Program).Assembly.GetTypes()
        .Single(t => t.BaseType == typeof(OptionsValidator<>).MakeGenericType(options)))!;

    /// <returns>Null when valid, else the failure message.</returns>
    private static string? Validate(object validator, object options)
    {
        var result = (ValidateOptionsResult)validator.GetType().GetMethod("Validate")!.Invoke(validator, [null, options])!;
        return result.Failed ? result.FailureMessage : null;
    }

    [GeneratedRegex(@"^\| `(?<section>[A-Za-z]+)` \| `(?<class>[A-Za-z]+Options)` \|", RegexOptions.Multiline)]
    private static partial Regex ConfigurationRow();
}
