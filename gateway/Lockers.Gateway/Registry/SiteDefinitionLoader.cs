using System.Text.Json;
using Lockers.Core.Board;

namespace Lockers.Gateway.Registry;

/// <summary>Reads and checks a site definition file, reporting every problem with its JSON place.</summary>
public static class SiteDefinitionLoader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };

    public static SiteDefinition Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new SiteDefinitionException([$"{path}: file not found"]);
        }
        SiteDefinitionFile? file;
        try
        {
            file = JsonSerializer.Deserialize<SiteDefinitionFile>(File.ReadAllText(path), Json);
        }
        catch (JsonException ex)
        {
            throw new SiteDefinitionException([$"{path}: not valid JSON at {ex.Path ?? "$"}: {ex.Message}"]);
        }
        return Check(file, Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    public static SiteDefinition Check(SiteDefinitionFile? file, string baseDirectory)
    {
        var errors = new List<string>();
        if (file is null)
        {
            throw new SiteDefinitionException(["$: the file must hold a JSON object"]);
        }
        CheckId(file.Id, "id", errors);
        if (string.IsNullOrWhiteSpace(file.Name)) errors.Add("name: required");
        if (file.Lockers is not { Count: > 0 }) errors.Add("lockers: at least one locker is required");

        var lockers = new List<Locker>();
        var compartments = new List<Compartment>();
        var lockerIds = new HashSet<string>();
        for (var i = 0; i < (file.Lockers?.Count ?? 0); i++)
        {
            var locker = file.Lockers![i];
            var at = $"lockers[{i}]";
            CheckId(locker.Id, at + ".id", errors);
            if (locker.Id is not null && !lockerIds.Add(locker.Id)) errors.Add($"{at}.id: '{locker.Id}' is used twice");
            if (string.IsNullOrWhiteSpace(locker.Name)) errors.Add($"{at}.name: required");

            var entries = locker.Compartments;
            if (locker.Board is not null)
            {
                entries = ReadBoardCompartments(Path.Combine(baseDirectory, locker.Board), at + ".board", errors);
            }
            if (entries is not { Count: > 0 })
            {
                errors.Add($"{at}: list its compartments, or name a board file with them");
                continue;
            }
            var numbers = new HashSet<int>();
            for (var j = 0; j < entries.Count; j++)
            {
                var c = entries[j];
                var cat = $"{at}.compartments[{j}]";
                if (c.Number is not (>= 1 and <= 255)) errors.Add($"{cat}.number: must be 1..255");
                else if (!numbers.Add(c.Number.Value)) errors.Add($"{cat}.number: {c.Number} is used twice");
                var size = CompartmentSize.S;
                if (c.Size is null || !CompartmentSizes.TryParse(c.Size, out size)) errors.Add($"{cat}.size: must be S, M, L or XL");
                if (c.Column is not (>= 0 and <= 255)) errors.Add($"{cat}.column: must be 0..255");
                if (c.Row is not (>= 0 and <= 255)) errors.Add($"{cat}.row: must be 0..255");
                compartments.Add(new Compartment(locker.Id ?? "", c.Number ?? 0, size, c.Column ?? 0, c.Row ?? 0, c.Accessible ?? false));
            }
            lockers.Add(new Locker(locker.Id ?? "", file.Id ?? "", locker.Name ?? ""));
        }
        if (errors.Count > 0)
        {
            throw new SiteDefinitionException(errors);
        }
        return new SiteDefinition(new Site(file.Id!, file.Name!), lockers, compartments);
    }

    private static void CheckId(string? id, string at, List<string> errors)
    {
        if (string.IsNullOrEmpty(id)) errors.Add($"{at}: required");
        else if (!RegistryIds.IsValid(id)) errors.Add($"{at}: '{id}' must be 1-63 characters of a-z, 0-9 and '-'");
    }

    /// <summary>Only the compartments part of a board file matters here; the firmware's BoardLoader checks the rest.</summary>
    private static List<CompartmentDefinitionFile>? ReadBoardCompartments(string path, string at, List<string> errors)
    {
        if (!File.Exists(path))
        {
            errors.Add($"{at}: board file '{path}' not found");
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            if (!document.RootElement.TryGetProperty("compartments", out var list))
            {
                errors.Add($"{at}: board file '{path}' has no compartments");
                return null;
            }
            return list.Deserialize<List<CompartmentDefinitionFile>>(Json);
        }
        catch (JsonException ex)
        {
            errors.Add($"{at}: board file '{path}' is not valid JSON: {ex.Message}");
            return null;
        }
    }
}
