using Lockers.Gateway.Audit;
using Lockers.Gateway.Reservations;
using Lockers.Gateway.Store;
using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Codes;

/// <summary>The recipient's codes, returned once in clear to be handed on; only their hashes are kept.</summary>
public sealed record IssuedPickupCodes(string Pin, string AccessToken, string QrToken);

/// <summary>
/// Issues codes inside the caller's transaction. Numeric codes are drawn until one is not live at the site;
/// the unique index on live codes backs the check up against a concurrent writer.
/// </summary>
public sealed class CodeIssuer(
    CodeHasher hasher, IOptions<CodesOptions> options, IOptions<ReservationsOptions> reservations, TimeProvider time)
{
    private readonly CodesOptions _options = options.Value;

    public byte[] HashAccessToken(string accessToken) => hasher.HashAccessToken(accessToken);

    /// <summary>The recipient's link to the QR image; whoever holds it can show the QR at the locker.</summary>
    public string AccessLinkFor(string accessToken) =>
        $"{reservations.Value.PublicBaseUrl.TrimEnd('/')}/r/{accessToken}/qr.svg";

    public Task<string> IssueDropoffCodeAsync(IStoreTransaction tx, Reservation reservation) =>
        IssueDigitsAsync(tx, reservation, CodeKind.Dropoff, _options.DropoffCodeLength);

    public Task<string> IssueCollectCodeAsync(IStoreTransaction tx, Reservation reservation) =>
        IssueDigitsAsync(tx, reservation, CodeKind.Collect, _options.CollectCodeLength);

    /// <summary>PIN and QR token; the access token (the recipient's link) is returned so its hash can be stored on the reservation.</summary>
    public async Task<IssuedPickupCodes> IssuePickupCodesAsync(IStoreTransaction tx, Reservation reservation)
    {
        var pin = await IssueDigitsAsync(tx, reservation, CodeKind.PickupPin, _options.PinLength);
        var accessToken = CodeGenerator.Token();
        var qrToken = hasher.QrTokenFor(accessToken);
        await tx.Codes.InsertAsync(reservation.Id, reservation.SiteId, CodeKind.PickupQr, hasher.HashCode(reservation.SiteId, qrToken), time.GetStoreNow());
        await AuditIssuedAsync(tx, reservation, CodeKind.PickupQr);
        return new IssuedPickupCodes(pin, accessToken, qrToken);
    }

    private async Task<string> IssueDigitsAsync(IStoreTransaction tx, Reservation reservation, CodeKind kind, int length)
    {
        for (var attempt = 0; attempt < _options.MaxGenerationAttempts; attempt++)
        {
            var code = CodeGenerator.Digits(length);
            var hash = hasher.HashCode(reservation.SiteId, code);
            if (await tx.Codes.LiveExistsAsync(reservation.SiteId, hash))
            {
                continue;
            }
            await tx.Codes.InsertAsync(reservation.Id, reservation.SiteId, kind, hash, time.GetStoreNow());
            await AuditIssuedAsync(tx, reservation, kind);
            return code;
        }
        throw new InvalidOperationException(
            $"No unused {length}-digit code found at site {reservation.SiteId} after {_options.MaxGenerationAttempts} tries; " +
            "raise Codes:PinLength or retire stale codes.");
    }

    private Task AuditIssuedAsync(IStoreTransaction tx, Reservation reservation, CodeKind kind) =>
        tx.Audit.AppendAsync(new AuditEntry(time.GetStoreNow(), "gateway", AuditActions.CodeIssued, reservation.SiteId,
            ReservationId: reservation.Id, Detail: $"kind={kind}"));
}
