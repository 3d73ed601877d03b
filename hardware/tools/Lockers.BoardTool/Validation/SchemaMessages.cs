using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Lockers.BoardTool.Validation;

/// <summary>
/// Words JsonSchema.Net's failures the way the board tool always has ("must be at most 7, found 9"). The library fills
/// message templates with the values involved; this class sets those templates to small JSON objects
/// (<see cref="ErrorMessages"/> is the library's documented way to replace its wording), then reads them back here. A
/// keyword without a template here keeps the library's own English message.
/// </summary>
internal static class SchemaMessages
{
    private static readonly object Gate = new();
    private static bool _set;

    /// <summary>Sets the templates once per process (they are the library's global settings).</summary>
    public static void UseStructuredTemplates()
    {
        lock (Gate)
        {
            if (_set) return;
            ErrorMessages.Type = """{"received":[[received]],"expected":[[expected]]}""";
            ErrorMessages.Enum = """{"values":[[values]]}""";
            ErrorMessages.Const = """{"value":[[value]]}""";
            ErrorMessages.Required = """{"missing":[[missing]]}""";
            ErrorMessages.Minimum = """{"limit":[[limit]]}""";
            ErrorMessages.Maximum = """{"limit":[[limit]]}""";
            ErrorMessages.MinLength = """{"limit":[[limit]]}""";
            ErrorMessages.MaxLength = """{"limit":[[limit]]}""";
            ErrorMessages.MinItems = """{"limit":[[limit]],"received":[[received]]}""";
            ErrorMessages.MaxItems = """{"limit":[[limit]],"received":[[received]]}""";
            ErrorMessages.Pattern = """{"pattern":[[pattern]]}""";
            ErrorMessages.OneOf = """{"count":[[count]]}""";
            _set = true;
        }
    }

    /// <summary>
    /// The problems' texts: one per missing field for "required", none for a oneOf that matched no shape (the closest
    /// shape's problems say it better), else one.
    /// </summary>
    public static IEnumerable<string> Word(string keyword, string message, string evaluationPath, JsonElement instance, string instanceLocation)
    {
        if (keyword == "required" && message.StartsWith('{'))
            return JsonNode.Parse(message)!["missing"]!.AsArray().Select(name => $"'{(string)name!}' is required");
        return WordOne(keyword, message, evaluationPath, instance, instanceLocation) is { } text ? [text] : [];
    }

    private static string? WordOne(string keyword, string message, string evaluationPath, JsonElement instance, string instanceLocation)
    {
        if (keyword.Length == 0)
            return evaluationPath.EndsWith("/additionalProperties", StringComparison.Ordinal) ? "is not a known field" : "is not allowed";

        var found = InstancePath.Value(instance, instanceLocation);
        var values = message.StartsWith('{') ? JsonNode.Parse(message)!.AsObject() : null;
        if (values is null) return $"{keyword}: {message}";
        return keyword switch
        {
            "type" => $"must be {Types((string)values["expected"]!)}, found {Article((string)values["received"]!)}",
            "enum" => $"must be one of {string.Join(", ", values["values"]!.AsArray().Select(v => v!.ToJsonString()))}, found {found.GetRawText()}",
            "const" => $"must be {(string)values["value"]!}, found {found.GetRawText()}",
            "minimum" => $"must be at least {Number(values["limit"]!)}, found {found.GetRawText()}",
            "maximum" => $"must be at most {Number(values["limit"]!)}, found {found.GetRawText()}",
            "minLength" => $"must be at least {values["limit"]} characters long",
            "maxLength" => $"must be at most {values["limit"]} characters long",
            "minItems" => $"must have at least {values["limit"]} items, found {values["received"]}",
            "maxItems" => $"must have at most {values["limit"]} items, found {values["received"]}",
            "pattern" => $"must match {(string)values["pattern"]!}, found {found.GetRawText()}",
            "oneOf" => values["count"]!.GetValue<int>() == 0 ? null : $"matches {values["count"]} of the allowed shapes, must match exactly one",
            _ => $"{keyword}: {message}",
        };
    }

    private static string Types(string expected) => string.Join(" or ", expected.Split(", ").Select(Article));

    private static string Article(string type) => type is "object" or "array" or "integer" ? $"an {type}" : type == "null" ? "null" : $"a {type}";

    private static string Number(JsonNode limit) => limit.ToJsonString();
}
