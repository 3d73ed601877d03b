using Microsoft.Net.Http.Headers;

namespace Lockers.Gateway.Localization;

/// <summary>
/// Which language a page is shown in: the reader's own switch first (<c>?lang=</c>, remembered in a cookie), then the
/// browser's Accept-Language (its first language the gateway has), then the site's language, then English. The
/// framework's RequestLocalization middleware decides before the endpoint runs, so it cannot use the site, which only the
/// endpoint knows (the reservation behind a recipient's link); the header is parsed by the framework all the same.
/// </summary>
public static class LanguageChoice
{
    public const string QueryParameter = "lang";
    public const string Cookie = "lockers-lang";

    /// <summary>The language to show; when the query asked for one, it is remembered for the next pages.</summary>
    public static string For(HttpContext context, string? siteLanguage)
    {
        var request = context.Request;
        if (Languages.FromTag(request.Query[QueryParameter]) is { } asked)
        {
            context.Response.Cookies.Append(Cookie, asked, new CookieOptions
            {
                HttpOnly = true, IsEssential = true, SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax, Secure = request.IsHttps, MaxAge = TimeSpan.FromDays(365),
            });
            return asked;
        }

        if (Languages.FromTag(request.Cookies[Cookie]) is { } remembered)
        {
            return remembered;
        }

        return FromAcceptLanguage(request) ?? Languages.FromTag(siteLanguage) ?? Languages.English;
    }

    /// <summary>The browser's most wanted language the gateway has, or null.</summary>
    public static string? FromAcceptLanguage(HttpRequest request)
    {
        IList<StringWithQualityHeaderValue> wanted;
        try
        {
            wanted = request.GetTypedHeaders().AcceptLanguage;
        }
        catch (FormatException)
        {
            return null;
        }

        return wanted.Where(value => value.Quality is not 0)
            .OrderByDescending(value => value.Quality ?? 1)
            .Select(value => Languages.FromTag(value.Value.Value))
            .FirstOrDefault(language => language is not null);
    }
}
