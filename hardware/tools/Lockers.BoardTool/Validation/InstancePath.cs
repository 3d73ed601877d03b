using System.Text.Json;

namespace Lockers.BoardTool.Validation;

/// <summary>Turns a JSON Pointer into the tool's dotted path (<c>/compartments/3/lock</c> becomes <c>compartments[3].lock</c>).</summary>
internal static class InstancePath
{
    public static string Of(JsonElement instance, string pointer)
    {
        var path = "";
        var current = instance;
        foreach (var segment in Segments(pointer))
        {
            if (current.ValueKind == JsonValueKind.Array && int.TryParse(segment, out var index))
            {
                path += $"[{index}]";
                current = index < current.GetArrayLength() ? current[index] : default;
            }
            else
            {
                path += path.Length == 0 ? segment : "." + segment;
                current = current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var member) ? member : default;
            }
        }
        return path;
    }

    /// <summary>The value the pointer names (the instance itself for "").</summary>
    public static JsonElement Value(JsonElement instance, string pointer)
    {
        var current = instance;
        foreach (var segment in Segments(pointer))
        {
            current = current.ValueKind == JsonValueKind.Array ? current[int.Parse(segment)] : current.GetProperty(segment);
        }
        return current;
    }

    private static IEnumerable<string> Segments(string pointer) =>
        pointer.Split('/', StringSplitOptions.None).Skip(1).Select(s => s.Replace("~1", "/").Replace("~0", "~"));
}
