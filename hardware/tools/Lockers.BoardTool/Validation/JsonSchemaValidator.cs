using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Lockers.BoardTool.Validation;

/// <summary>
/// Checks a JSON document against a JSON Schema with JsonSchema.Net (any draft-07 to 2020-12 keyword; ADR 0014) and
/// words each failure as a <see cref="Problem"/> at its path (<c>compartments[3].lock.bit: must be at most 7, found 9</c>).
/// When no shape of a <c>oneOf</c>/<c>anyOf</c> fits, only the problems of the closest shape are shown. A keyword the
/// library does not know (a misspelt <c>"maximun"</c>) fails loudly when the schema is loaded, so the schema cannot
/// quietly carry a rule nobody checks.
/// </summary>
public sealed class JsonSchemaValidator
{
    private static readonly EvaluationOptions Hierarchical = new() { OutputFormat = OutputFormat.Hierarchical };

    private readonly JsonSchema _schema;

    public JsonSchemaValidator(JsonElement schemaRoot)
    {
        SchemaMessages.UseStructuredTemplates();
        _schema = JsonSchema.FromText(schemaRoot.GetRawText());
        RefuseUnknownKeywords(_schema, "#");
    }

    public static JsonSchemaValidator FromFile(string schemaPath)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(schemaPath));
        return new JsonSchemaValidator(doc.RootElement.Clone());
    }

    public IReadOnlyList<Problem> Validate(JsonElement instance)
    {
        var results = _schema.Evaluate(JsonSerializer.SerializeToNode(instance), Hierarchical);
        var problems = new List<Problem>();
        Collect(results, instance, problems);
        return problems.Distinct().ToList();
    }

    private static void Collect(EvaluationResults node, JsonElement instance, List<Problem> problems)
    {
        if (node.IsValid) return;
        if (node.Errors is { } errors)
        {
            foreach (var (keyword, message) in errors)
            {
                var at = node.InstanceLocation.ToString();
                foreach (var text in SchemaMessages.Word(keyword, message, node.EvaluationPath.ToString(), instance, at))
                    problems.Add(new Problem(InstancePath.Of(instance, at), text));
            }
        }

        // Shapes of a oneOf/anyOf are alternatives: a failing one is only worth showing when none fits.
        var branches = node.Details.Where(IsBranch).GroupBy(d => Parent(d.EvaluationPath.ToString()));
        foreach (var detail in node.Details.Where(d => !IsBranch(d))) Collect(detail, instance, problems);
        foreach (var alternatives in branches)
        {
            if (alternatives.Any(b => b.IsValid)) continue; // a oneOf matching several shapes said so itself
            problems.AddRange(alternatives.Select(b => Attempt(b, instance)).OrderBy(p => p.Count).First());
        }
    }

    private static List<Problem> Attempt(EvaluationResults branch, JsonElement instance)
    {
        var found = new List<Problem>();
        Collect(branch, instance, found);
        return found;
    }

    private static bool IsBranch(EvaluationResults detail)
    {
        var segments = detail.EvaluationPath.ToString().Split('/');
        return segments.Length >= 2 && segments[^2] is "oneOf" or "anyOf" && int.TryParse(segments[^1], out _);
    }

    private static string Parent(string pointer) => pointer[..pointer.LastIndexOf('/')];

    private static void RefuseUnknownKeywords(JsonSchema schema, string location)
    {
        foreach (var keyword in schema.Keywords ?? [])
        {
            if (keyword is UnrecognizedKeyword unknown)
                throw new NotSupportedException($"schema keyword '{unknown.Name}' at {location} is not a JSON Schema keyword (misspelt?)");
            var name = keyword.Keyword();
            if (keyword is ISchemaContainer { Schema: { } single }) RefuseUnknownKeywords(single, $"{location}/{name}");
            // "items" is a collector that may hold one schema instead of a list (draft-07's tuple form): Schemas is null.
            if (keyword is ISchemaCollector { Schemas: { } list })
                for (var i = 0; i < list.Count; i++) RefuseUnknownKeywords(list[i], $"{location}/{name}/{i}");
            if (keyword is IKeyedSchemaCollector { Schemas: { } keyed })
                foreach (var (key, sub) in keyed) RefuseUnknownKeywords(sub, $"{location}/{name}/{key}");
        }
    }
}
