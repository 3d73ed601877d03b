using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Lockers.BoardTool.Validation;

/// <summary>
/// Checks a JSON document against the subset of JSON Schema (draft 2020-12 / draft-07) that
/// board.schema.json uses: type, enum, const, required, properties, additionalProperties (false or
/// a schema), minimum, maximum, minLength, maxLength, pattern, items, minItems, maxItems, oneOf,
/// anyOf, allOf and $ref to #/$defs or #/definitions. Any other keyword fails loudly, so the
/// schema cannot quietly grow a rule this validator would skip.
/// </summary>
public sealed class JsonSchemaValidator
{
    private static readonly HashSet<string> Supported =
    [
        "$schema", "$id", "title", "description", "$comment", "$defs", "definitions", "$ref",
        "type", "enum", "const", "required", "properties", "additionalProperties",
        "minimum", "maximum", "minLength", "maxLength", "pattern",
        "items", "minItems", "maxItems", "oneOf", "anyOf", "allOf",
    ];

    private readonly JsonElement _root;

    public JsonSchemaValidator(JsonElement schemaRoot) => _root = schemaRoot;

    public static JsonSchemaValidator FromFile(string schemaPath)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(schemaPath));
        return new JsonSchemaValidator(doc.RootElement.Clone());
    }

    public IReadOnlyList<Problem> Validate(JsonElement instance)
    {
        var problems = new List<Problem>();
        Check(_root, instance, "", problems);
        return problems;
    }

    private void Check(JsonElement schema, JsonElement value, string path, List<Problem> problems)
    {
        if (schema.ValueKind == JsonValueKind.True) return;
        if (schema.ValueKind == JsonValueKind.False) { problems.Add(new(path, "is not allowed")); return; }

        foreach (var keyword in schema.EnumerateObject())
        {
            if (!Supported.Contains(keyword.Name))
                throw new NotSupportedException($"schema keyword '{keyword.Name}' is not supported by the board tool's validator");
        }

        if (schema.TryGetProperty("$ref", out var reference))
            Check(Resolve(reference.GetString()!), value, path, problems);

        if (schema.TryGetProperty("type", out var type) && !MatchesType(type, value))
        {
            // Nothing below makes sense for a value of the wrong type.
            problems.Add(new(path, $"must be {Describe(type)}, found {Name(value)}"));
            return;
        }

        if (schema.TryGetProperty("enum", out var options) && !options.EnumerateArray().Any(o => JsonElement.DeepEquals(o, value)))
            problems.Add(new(path, $"must be one of {string.Join(", ", options.EnumerateArray().Select(o => o.GetRawText()))}, found {value.GetRawText()}"));

        if (schema.TryGetProperty("const", out var constant) && !JsonElement.DeepEquals(constant, value))
            problems.Add(new(path, $"must be {constant.GetRawText()}, found {value.GetRawText()}"));

        switch (value.ValueKind)
        {
            case JsonValueKind.Object: CheckObject(schema, value, path, problems); break;
            case JsonValueKind.Array: CheckArray(schema, value, path, problems); break;
            case JsonValueKind.String: CheckString(schema, value.GetString()!, path, problems); break;
            case JsonValueKind.Number: CheckNumber(schema, value.GetDecimal(), path, problems); break;
        }

        CheckCombinators(schema, value, path, problems);
    }

    private void CheckObject(JsonElement schema, JsonElement value, string path, List<Problem> problems)
    {
        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(n => n.GetString()!))
                if (!value.TryGetProperty(name, out _)) problems.Add(new(path, $"'{name}' is required"));
        }

        schema.TryGetProperty("properties", out var properties);
        var hasProperties = properties.ValueKind == JsonValueKind.Object;
        var hasExtra = schema.TryGetProperty("additionalProperties", out var additional);
        foreach (var member in value.EnumerateObject())
        {
            var memberPath = path.Length == 0 ? member.Name : $"{path}.{member.Name}";
            if (hasProperties && properties.TryGetProperty(member.Name, out var memberSchema))
                Check(memberSchema, member.Value, memberPath, problems);
            else if (hasExtra && additional.ValueKind == JsonValueKind.False)
                problems.Add(new(memberPath, "is not a known field"));
            else if (hasExtra && additional.ValueKind == JsonValueKind.Object)
                Check(additional, member.Value, memberPath, problems);
        }
    }

    private void CheckArray(JsonElement schema, JsonElement value, string path, List<Problem> problems)
    {
        var count = value.GetArrayLength();
        if (schema.TryGetProperty("minItems", out var min) && count < min.GetInt32())
            problems.Add(new(path, $"must have at least {min.GetInt32()} items, found {count}"));
        if (schema.TryGetProperty("maxItems", out var max) && count > max.GetInt32())
            problems.Add(new(path, $"must have at most {max.GetInt32()} items, found {count}"));
        if (schema.TryGetProperty("items", out var items))
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
                Check(items, item, $"{path}[{index++}]", problems);
        }
    }

    private static void CheckString(JsonElement schema, string text, string path, List<Problem> problems)
    {
        if (schema.TryGetProperty("minLength", out var min) && text.Length < min.GetInt32())
            problems.Add(new(path, $"must be at least {min.GetInt32()} characters long"));
        if (schema.TryGetProperty("maxLength", out var max) && text.Length > max.GetInt32())
            problems.Add(new(path, $"must be at most {max.GetInt32()} characters long"));
        if (schema.TryGetProperty("pattern", out var pattern) && !Regex.IsMatch(text, pattern.GetString()!, RegexOptions.CultureInvariant))
            problems.Add(new(path, $"must match {pattern.GetString()}, found \"{text}\""));
    }

    private static void CheckNumber(JsonElement schema, decimal number, string path, List<Problem> problems)
    {
        var shown = number.ToString(CultureInfo.InvariantCulture);
        if (schema.TryGetProperty("minimum", out var min) && number < min.GetDecimal())
            problems.Add(new(path, $"must be at least {min.GetRawText()}, found {shown}"));
        if (schema.TryGetProperty("maximum", out var max) && number > max.GetDecimal())
            problems.Add(new(path, $"must be at most {max.GetRawText()}, found {shown}"));
    }

    private void CheckCombinators(JsonElement schema, JsonElement value, string path, List<Problem> problems)
    {
        if (schema.TryGetProperty("allOf", out var all))
            foreach (var branch in all.EnumerateArray()) Check(branch, value, path, problems);

        if (schema.TryGetProperty("anyOf", out var any))
        {
            var outcomes = any.EnumerateArray().Select(b => Attempt(b, value, path)).ToList();
            if (outcomes.All(o => o.Count > 0)) problems.AddRange(Closest(outcomes));
        }

        if (schema.TryGetProperty("oneOf", out var one))
        {
            var outcomes = one.EnumerateArray().Select(b => Attempt(b, value, path)).ToList();
            var passing = outcomes.Count(o => o.Count == 0);
            if (passing == 0) problems.AddRange(Closest(outcomes));
            else if (passing > 1) problems.Add(new(path, $"matches {passing} of the allowed shapes, must match exactly one"));
        }
    }

    private List<Problem> Attempt(JsonElement branch, JsonElement value, string path)
    {
        var found = new List<Problem>();
        Check(branch, value, path, found);
        return found;
    }

    // When no branch fits, the branch with the fewest problems is most likely the one meant, and
    // its problems are the useful ones to show.
    private static IEnumerable<Problem> Closest(List<List<Problem>> outcomes) =>
        outcomes.OrderBy(o => o.Count).First();

    private JsonElement Resolve(string reference)
    {
        foreach (var prefix in new[] { "#/$defs/", "#/definitions/" })
        {
            if (!reference.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var container = prefix[2..^1];
            if (_root.TryGetProperty(container, out var defs) && defs.TryGetProperty(reference[prefix.Length..], out var target))
                return target;
        }
        throw new NotSupportedException($"schema $ref '{reference}' does not name an entry of #/$defs or #/definitions");
    }

    private static bool MatchesType(JsonElement type, JsonElement value) =>
        type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Any(t => MatchesType(t.GetString()!, value))
            : MatchesType(type.GetString()!, value);

    private static bool MatchesType(string type, JsonElement value) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.GetDecimal() % 1 == 0,
        _ => throw new NotSupportedException($"schema type '{type}' is not supported"),
    };

    private static string Describe(JsonElement type) =>
        type.ValueKind == JsonValueKind.Array
            ? string.Join(" or ", type.EnumerateArray().Select(t => Article(t.GetString()!)))
            : Article(type.GetString()!);

    private static string Article(string type) => type is "object" or "array" or "integer" ? $"an {type}" : $"a {type}";

    private static string Name(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
