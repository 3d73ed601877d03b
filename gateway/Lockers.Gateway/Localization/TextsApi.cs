namespace Lockers.Gateway.Localization;

/// <summary>
/// GET /i18n/{component}.{language}.json: a component's texts for scripts in the browser (the same .resx files the
/// server renders with), so a page's script holds keys, not sentences. The recipient page needs none; the maintenance
/// dashboard is meant to take its texts from here (docs/adr/0121-languages.md).
/// </summary>
public static class TextsApi
{
    public static IEndpointRouteBuilder MapTextsApi(this IEndpointRouteBuilder routes, params TextResources[] components)
    {
        var byName = components.ToDictionary(c => c.Component, StringComparer.Ordinal);
        routes.MapGet("/i18n/{file}", (string file, HttpContext http) =>
        {
            var parts = file.Split('.');
            if (parts is not [var component, var language, "json"] || !byName.TryGetValue(component, out var texts)
                || Languages.FromTag(language) != language)
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such texts",
                    detail: $"Texts are at /i18n/<component>.<language>.json, component one of {string.Join(", ", byName.Keys)}, " +
                            $"language one of {string.Join(", ", Languages.All)}.");
            }

            http.Response.Headers.CacheControl = "public, max-age=300";
            return Results.Json(texts.All(language));
        }).WithTags("Texts").WithSummary("A component's texts in one language, for scripts.");
        return routes;
    }
}
