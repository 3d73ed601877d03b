using System.Text.Json;

namespace Lockers.BoardTool.Model;

/// <summary>Reads board JSON into <see cref="BoardFile"/> with the names the format uses.</summary>
public static class BoardReader
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // The schema reports unknown fields; the model just ignores them.
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip,
        ReadCommentHandling = JsonCommentHandling.Disallow,
    };

    /// <summary>Parses the board; throws <see cref="JsonException"/> when a value has the wrong JSON type.</summary>
    public static BoardFile Read(string json) =>
        JsonSerializer.Deserialize<BoardFile>(json, Options)
        ?? throw new JsonException("the document is null");
}
