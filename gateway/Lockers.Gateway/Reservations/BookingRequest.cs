using System.Text.Json;
using System.Text.RegularExpressions;
using Lockers.Core.Board;
using Lockers.Gateway.Registry;

namespace Lockers.Gateway.Reservations;

/// <summary>A booking whose every field has been checked.</summary>
public sealed record BookingRequest(
    string SiteId, CompartmentSize Size, bool Accessible, string ParcelReference, string? Email, string? Phone, int PickupWindowHours,
    ReservationKind Kind = ReservationKind.Delivery)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// What a repeated Idempotency-Key is compared by (hashed, ADR 0104): the request as JSON, its size as the stored
    /// number (<see cref="CompartmentSizeNumbers"/>), so fingerprints stored by earlier versions still match.
    /// </summary>
    public string Fingerprint() => Kind == ReservationKind.Delivery
        ? JsonSerializer.Serialize(
            new { SiteId, Size = CompartmentSizeNumbers.ToNumber(Size), Accessible, ParcelReference, Email, Phone, PickupWindowHours }, Json)
        : JsonSerializer.Serialize(
            new { SiteId, Size = CompartmentSizeNumbers.ToNumber(Size), Accessible, ParcelReference, Email, Phone, PickupWindowHours, Kind = Kind.ToWire() }, Json);
}

/// <summary>Turns the raw body into a <see cref="BookingRequest"/> or a field -> messages map for a validation problem.</summary>
public static partial class BookingRequestValidator
{
    [GeneratedRegex(@"^[A-Za-z0-9._:/#-]{1,64}$")]
    private static partial Regex ParcelReferencePattern();

    // RFC 5322 dot-atom local part (at most 64) and a host name of letters, digits and hyphens with a letter TLD (or an
    // xn-- one): no quoted local parts, IP literals or comments. That refuses markup and spaces (ADR 0111), and nothing a
    // mail provider hands out. Internationalised addresses go in their ASCII (punycode) form. Deliverability is the client's business.
    [GeneratedRegex(@"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]{1,64}(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]{1,64})*@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+([A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})$")]
    private static partial Regex EmailPattern();

    // E.164: SMS gateways need the country code.
    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex PhonePattern();

    public static Dictionary<string, string[]> Validate(CreateReservationRequest body, ReservationsOptions options, out BookingRequest? request)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors[field] = [message];

        if (string.IsNullOrEmpty(body.SiteId)) Fail("siteId", "siteId is required.");
        else if (!RegistryIds.IsValid(body.SiteId)) Fail("siteId", "siteId must be 1-63 characters of a-z, 0-9 and '-'.");

        var size = CompartmentSize.S;
        if (string.IsNullOrEmpty(body.Size)) Fail("size", "size is required: one of S, M, L, XL.");
        else if (!CompartmentSizes.TryParse(body.Size, out size)) Fail("size", $"size '{body.Size}' is not one of S, M, L, XL.");

        if (string.IsNullOrEmpty(body.ParcelReference)) Fail("parcelReference", "parcelReference is required.");
        else if (!ParcelReferencePattern().IsMatch(body.ParcelReference))
            Fail("parcelReference", "parcelReference must be 1-64 characters of letters, digits and . _ : / # -.");

        var kind = ReservationKind.Delivery;
        if (body.Kind is not null && !ReservationKinds.TryParse(body.Kind, out kind))
            Fail("kind", $"kind '{body.Kind}' is not one of delivery, send.");

        // A send from a locker has no recipient at the locker: the carrier collects it; a contact is optional.
        var email = body.Recipient?.Email;
        var phone = body.Recipient?.Phone;
        if (kind == ReservationKind.Delivery && string.IsNullOrEmpty(email) && string.IsNullOrEmpty(phone))
            Fail("recipient", "recipient needs an email or a phone number (or both).");
        if (!string.IsNullOrEmpty(email) && (email.Length > 254 || email.IndexOf('@') > 64 || !EmailPattern().IsMatch(email)))
            Fail("recipient.email", "email must be an address like name@example.org (letters, digits and . _ + - before the @, a domain name after it).");
        if (!string.IsNullOrEmpty(phone) && !PhonePattern().IsMatch(phone))
            Fail("recipient.phone", "phone must be in international E.164 form, for example +819012345678.");

        var hours = body.PickupWindowHours ?? options.DefaultPickupWindowHours;
        if (hours < PickupWindow.MinHours || hours > options.MaxPickupWindowHours)
            Fail("pickupWindowHours", $"pickupWindowHours must be between {PickupWindow.MinHours} and {options.MaxPickupWindowHours}.");

        request = errors.Count == 0
            ? new BookingRequest(body.SiteId!, size, body.Accessible ?? false, body.ParcelReference!,
                NullIfEmpty(email), NullIfEmpty(phone), hours, kind)
            : null;
        return errors;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
