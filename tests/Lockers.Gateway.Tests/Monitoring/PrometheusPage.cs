using System.Globalization;

namespace Lockers.Gateway.Tests.Monitoring;

/// <summary>
/// One /metrics page read as Prometheus reads it: the type of each family (# TYPE) and the value of each series. A
/// series without labels is keyed by its bare name whether it is written "name" or "name{}" (both mean the same).
/// </summary>
public sealed class PrometheusPage
{
    private PrometheusPage(IReadOnlyDictionary<string, string> types, IReadOnlyDictionary<string, double> samples)
    {
        Types = types;
        Samples = samples;
    }

    /// <summary>Family name to its type (gauge, counter, histogram).</summary>
    public IReadOnlyDictionary<string, string> Types { get; }

    /// <summary>Series (name with labels, as written) to value.</summary>
    public IReadOnlyDictionary<string, double> Samples { get; }

    public double this[string series] => Samples.TryGetValue(series, out var value)
        ? value
        : throw new KeyNotFoundException($"no series {series} on the page; it has: {string.Join(", ", Samples.Keys)}");

    public static PrometheusPage Parse(string text)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var samples = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                types.Add(parts[2], parts[3]);
            }
            else if (!line.StartsWith('#'))
            {
                var space = line.LastIndexOf(' ');
                var series = line[..space].Replace("{}", "", StringComparison.Ordinal);
                samples.Add(series, double.Parse(line[(space + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture));
            }
        }
        return new PrometheusPage(types, samples);
    }
}
