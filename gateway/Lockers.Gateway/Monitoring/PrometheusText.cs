using System.Globalization;
using System.Text;

namespace Lockers.Gateway.Monitoring;

/// <summary>Writes the Prometheus text exposition format (version 0.0.4): HELP, TYPE, then samples.</summary>
public sealed class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private readonly StringBuilder _text = new();

    public PrometheusText Gauge(string name, string help, double value) => Family(name, help, "gauge").Sample(name, value);

    public PrometheusText Counter(string name, string help, double value) => Family(name, help, "counter").Sample(name, value);

    /// <summary>One family with a labelled sample per entry (for example alarms by kind).</summary>
    public PrometheusText Labelled(string name, string help, string type, string label, IEnumerable<KeyValuePair<string, long>> values)
    {
        Family(name, help, type);
        foreach (var (key, value) in values.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            Sample($"{name}{{{label}=\"{Escape(key)}\"}}", value);
        }
        return this;
    }

    public PrometheusText Histogram(string name, string help, GatewayMetrics.Histogram histogram)
    {
        Family(name, help, "histogram");
        var counts = histogram.CumulativeCounts();
        for (var i = 0; i < histogram.UpperBounds.Count; i++)
        {
            Sample($"{name}_bucket{{le=\"{Number(histogram.UpperBounds[i])}\"}}", counts[i]);
        }
        Sample($"{name}_bucket{{le=\"+Inf\"}}", counts[^1]);
        Sample($"{name}_sum", histogram.Sum);
        return Sample($"{name}_count", histogram.Count);
    }

    public override string ToString() => _text.ToString();

    private PrometheusText Family(string name, string help, string type)
    {
        _text.Append("# HELP ").Append(name).Append(' ').Append(help.Replace("\\", "\\\\").Replace("\n", "\\n")).Append('\n');
        _text.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
        return this;
    }

    private PrometheusText Sample(string series, double value)
    {
        _text.Append(series).Append(' ').Append(Number(value)).Append('\n');
        return this;
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Escape(string label) => label.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n");
}
