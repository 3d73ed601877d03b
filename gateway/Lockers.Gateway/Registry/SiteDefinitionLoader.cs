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
        var details = CheckDetails(file, errors);
        if (errors.Count > 0)
        {
            throw new SiteDefinitionException(errors);
        }
        return new SiteDefinition(details with { Id = file.Id!, Name = file.Name! }, lockers, compartments);
    }

    /// <summary>What a recipient reads about the site: address, map point, hours, access notes, locale and time zone.</summary>
    private static Site CheckDetails(SiteDefinitionFile file, List<string> errors)
    {
        GeoPoint? location = null;
        if (file.Location is { } point)
        {
            if (point.Latitude is not (>= -90 and <= 90)) errors.Add("location.latitude: must be -90..90 degrees");
            if (point.Longitude is not (>= -180 and <= 180)) errors.Add("location.longitude: must be -180..180 degrees");
            location = point is { Latitude: { } lat, Longitude: { } lon } ? new GeoPoint(lat, lon) : null;
        }

        OpeningHours? hours = null;
        if (file.Hours is { } given)
        {
            var opens = ParseTime(given.Opens, "hours.opens", errors);
            var closes = ParseTime(given.Closes, "hours.closes", errors);
            hours = opens is { } o && closes is { } c ? new OpeningHours(o, c) : null;
        }

        foreach (var (language, note) in file.AccessNotes ?? [])
        {
            if (Localization.Languages.FromTag(language) != language) errors.Add($"accessNotes.{language}: the language must be one of {string.Join(", ", Localization.Languages.All)}");
            if (string.IsNullOrWhiteSpace(note) || note.Length > 500) errors.Add($"accessNotes.{language}: 1-500 characters");
        }

        if (file.Address is { Length: > 200 }) errors.Add("address: at most 200 characters");
        var locale = file.Locale ?? Localization.Languages.English;
        if (Localization.Languages.FromTag(locale) is null || Localization.Languages.TryCulture(locale) is null)
        {
            errors.Add($"locale: '{locale}' must be a locale of English, Japanese or Chinese (en-GB, ja-JP, zh-CN)");
        }

        var timeZone = file.TimeZone ?? "UTC";
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
        {
            errors.Add($"timeZone: '{timeZone}' is not a time zone this machine knows (an IANA name such as Asia/Tokyo)");
        }

        return new Site("", "", file.Address, location, hours, file.AccessNotes, locale, timeZone);
    }

    private static TimeOnly? ParseTime(string? text, string at, List<string> errors)
    {
        if (TimeOnly.TryParseExact(text, "HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var time))
        {
            return time;
        }

        errors.Add($"{at}: must be a time HH:mm (24 h)");
        return null;
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
