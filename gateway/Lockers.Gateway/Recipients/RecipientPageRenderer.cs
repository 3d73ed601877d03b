using Lockers.Gateway.Localization;
using Lockers.Gateway.Reservations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lockers.Gateway.Recipients;

/// <summary>
/// Renders <see cref="RecipientPage"/> in the reader's language (<see cref="LanguageChoice"/>: their switch, their
/// browser's languages, then the site's) with dates and numbers in the matching format, and words refusals.
/// </summary>
public sealed class RecipientPageRenderer
{
    public TextResources Texts { get; } = new(typeof(RecipientTexts));

    /// <summary>The reader's texts for this parcel's site (a form's hidden "lang" keeps the language of the page it was sent from).</summary>
    public PageTexts TextsFor(HttpContext http, RecipientView? view)
    {
        var language = http.Request.HasFormContentType && Languages.FromTag(http.Request.Form[LanguageChoice.QueryParameter]) is { } posted
            ? posted
            : LanguageChoice.For(http, view?.Site.Language);
        return Texts.For(language, Languages.FormatCulture(language, view?.Site.Locale));
    }

    public IResult Render(HttpContext http, RecipientView view, string token, int statusCode, string? notice = null, string? error = null) =>
        new RazorComponentResult<RecipientPage>(new
        {
            Model = new RecipientPageModel(TextsFor(http, view), Texts, view, token) { Notice = notice, Error = error },
        })
        {
            StatusCode = statusCode,
        };

    /// <summary>The one answer for a link that does not work: unknown, replaced, or long closed (404).</summary>
    public IResult NotFound(HttpContext http) => Page(http, StatusCodes.Status404NotFound, "Error.NotFound.Lead");

    /// <summary>Too many requests from this address (429): the rate limiter's answer.</summary>
    public IResult TooMany(HttpContext http) => Page(http, StatusCodes.Status429TooManyRequests, "Error.TooMany");

    /// <summary>Why an action was refused, in the page's language.</summary>
    public string Refusal(HttpContext http, RecipientOutcome.Refused refused)
    {
        var texts = TextsFor(http, refused.View);
        return refused.Reason switch
        {
            RecipientRefusal.BeyondPolicy when refused.Argument is "0" => texts["Extend.NotAllowed"],
            RecipientRefusal.BeyondPolicy => texts.Text("Error.BeyondPolicy", int.Parse(refused.Argument!, System.Globalization.CultureInfo.InvariantCulture)),
            RecipientRefusal.TargetFull => texts.Text("Error.TargetFull", refused.Argument ?? ""),
            RecipientRefusal.NotAllowed => texts["Error.NotAllowed"],
            RecipientRefusal.Invalid => texts["Error.Invalid"],
            _ => texts["Error.NotNow"],
        };
    }

    private IResult Page(HttpContext http, int statusCode, string leadKey)
    {
        var texts = TextsFor(http, null);
        return new RazorComponentResult<RecipientPage>(new
        {
            Model = new RecipientPageModel(texts, Texts, null, "") { NotFoundLead = texts[leadKey] },
        })
        {
            StatusCode = statusCode,
        };
    }
}
