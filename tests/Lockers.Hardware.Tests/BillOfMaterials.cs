using System.Text;
using System.Text.RegularExpressions;

namespace Lockers.Hardware.Tests;

/// <summary>One line of hardware/bom/*.csv.</summary>
internal sealed record BomRow(string Reference, string Part, string PartNumber, int Quantity, string Note)
{
    /// <summary>"Q101-Q132 Q2" as Q101..Q132 and Q2.</summary>
    public IEnumerable<string> Designators() =>
        Reference.Split(' ', StringSplitOptions.RemoveEmptyEntries).SelectMany(Expand);

    private static IEnumerable<string> Expand(string item)
    {
        var range = Regex.Match(item, @"^([A-Z]+)(\d+)-([A-Z]+)(\d+)$");
        if (!range.Success) return [item];
        if (range.Groups[1].Value != range.Groups[3].Value) throw new FormatException($"range {item} mixes prefixes");
        var first = int.Parse(range.Groups[2].Value);
        var last = int.Parse(range.Groups[4].Value);
        return Enumerable.Range(first, last - first + 1).Select(n => range.Groups[1].Value + n);
    }
}

/// <summary>Reads the BOM CSV (RFC 4180 quoting) so the tests can hold it to the board file.</summary>
internal static class BillOfMaterials
{
    public static readonly string[] Header = ["reference", "part", "manufacturer part number", "quantity", "note"];

    public static List<BomRow> Read(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToList();
        Assert.Equal(Header, SplitCsv(lines[0]));
        var rows = new List<BomRow>();
        for (var i = 1; i < lines.Count; i++)
        {
            var fields = SplitCsv(lines[i]);
            Assert.True(fields.Count == 5, $"line {i + 1} has {fields.Count} fields, not 5: {lines[i]}");
            Assert.True(int.TryParse(fields[3], out var quantity) && quantity > 0, $"line {i + 1}: quantity '{fields[3]}' is not a positive whole number");
            rows.Add(new BomRow(fields[0], fields[1], fields[2], quantity, fields[4]));
        }
        return rows;
    }

    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields;
    }
}
