using Lockers.Core.Board;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text;
using Lockers.Gateway.Clients;
using Lockers.Gateway.Codes;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Store;
using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Reservations;

/// <summary>The reservation rules clients drive: book, read, list, cancel, extend. HTTP-free.</summary>
public sealed class ReservationService(
    ILockerStore store, ReservationLifecycle lifecycle, SecretSealer sealer, CodeSecrets secrets, IOptions<ReservationsOptions> options,
    IOptions<RecipientPolicyOptions> nearby)
{
    public const string IdempotentResponsePurpose = "idempotent-response";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ReservationsOptions _options = options.Value;

    /// <summary>
    /// Books the smallest free compartment that fits. With an idempotency key, a repeat of the same request
    /// returns the first answer (drop-off code included); the same key with another request is refused.
    /// </summary>
    public Task<BookingOutcome> BookAsync(string clientId, BookingRequest request, string? idempotencyKey, CancellationToken cancellationToken = default)
    {
        var requestHash = HMACSHA256.HashData(secrets.RequestHashKey, Encoding.UTF8.GetBytes(request.Fingerprint()));
        return store.ExecuteAsync<BookingOutcome>(async tx =>
        {
            if (idempotencyKey is not null && await tx.Idempotency.FindAsync(clientId, idempotencyKey) is { } previous)
            {
                if (!CodeHasher.Matches(previous.RequestHash, requestHash))
                {
                    return new BookingOutcome.IdempotencyKeyReused();
                }
                var replay = JsonSerializer.Deserialize<BookedReservationResponse>(sealer.Unseal(previous.SealedResponse, IdempotentResponsePurpose), Json)!;
                return new BookingOutcome.Booked(replay, Replayed: true);
            }
            if (await tx.Registry.GetSiteAsync(request.SiteId) is not { } site)
            {
                return new BookingOutcome.UnknownSite(request.SiteId);
            }
            var compartment = await tx.Registry.FindFreeCompartmentAsync(request.SiteId, request.Size, request.Accessible);
            if (compartment is null)
            {
                // The site is full for this size: name the nearest sites that are not, so the client can book one at once.
                var alternatives = await NearbySites.FindAsync(tx, site, request.Size, request.Accessible, nearby.Value.NearbySites, nearby.Value.NearbyRadiusKm);
                return new BookingOutcome.NoCapacity(request.SiteId, CompartmentSizes.ToName(request.Size), alternatives);
            }

            var booked = await lifecycle.BookAsync(tx, clientId, request, compartment.Ref,
                $"size={CompartmentSizes.ToName(request.Size)} got={CompartmentSizes.ToName(compartment.Size)}");
            var reservation = booked.Reservation;
            var dropoffCode = booked.Issued.DropoffCode!;
            var accessLink = booked.Issued.AccessToken is { } token ? lifecycle.AccessLinkFor(token) : null;
            var response = new BookedReservationResponse(ReservationResponse.From(reservation), dropoffCode, accessLink);
            if (idempotencyKey is not null)
            {
                await tx.Idempotency.InsertAsync(new IdempotencyRecord(clientId, idempotencyKey, requestHash, StatusCodes.Status201Created,
                    sealer.Seal(JsonSerializer.Serialize(response, Json), IdempotentResponsePurpose), reservation.CreatedAt));
            }
            return new BookingOutcome.Booked(response, Replayed: false);
        }, cancellationToken);
    }

    /// <summary>The reservation if it exists and belongs to the client; another client's looks exactly like a missing one.</summary>
    public Task<Reservation?> GetAsync(string clientId, string reservationId, CancellationToken cancellationToken = default) =>
        store.ExecuteAsync(async tx => await tx.Reservations.GetAsync(reservationId) is { } r && r.ClientId == clientId ? r : null,
            cancellationToken);

    public async Task<ReservationPage> ListAsync(
        string clientId, ReservationStatus? status, ReservationCursor? after, int limit, CancellationToken cancellationToken = default)
    {
        // One extra row tells whether there is a next page without a count query.
        var rows = await store.ExecuteAsync(tx => tx.Reservations.ListAsync(clientId, status, after, limit + 1), cancellationToken);
        var page = rows.Take(limit).ToList();
        var next = rows.Count > limit ? ReservationCursorCodec.Encode(page[^1]) : null;
        return new ReservationPage(page.Select(ReservationResponse.From).ToList(), next);
    }

    /// <summary>Only a booking whose parcel is not yet in the locker can be cancelled; the compartment is freed.</summary>
    public Task<ChangeOutcome> CancelAsync(string clientId, string reservationId, CancellationToken cancellationToken = default) =>
        ChangeAsync(clientId, reservationId, (tx, reservation) =>
            lifecycle.ApplyAsync(tx, reservation, ReservationEvent.Cancelled, new TransitionInput($"client:{clientId}")), cancellationToken);

    /// <summary>Adds hours to the pickup window of a booked or ready reservation, up to Reservations:MaxPickupWindowHours in total.</summary>
    public Task<ChangeOutcome> ExtendAsync(string clientId, string reservationId, int hours, CancellationToken cancellationToken = default) =>
        ChangeAsync(clientId, reservationId, async (tx, reservation) =>
        {
            var total = reservation.PickupWindowHours + hours;
            if (total > _options.MaxPickupWindowHours && lifecycle.Allows(reservation, ReservationEvent.Extended))
            {
                return new TransitionResult(reservation,
                    $"The window would become {total} hours; at most {_options.MaxPickupWindowHours} hours are allowed " +
                    $"({_options.MaxPickupWindowHours - reservation.PickupWindowHours} more).", new IssuedCodes());
            }
            return await lifecycle.ApplyAsync(tx, reservation, ReservationEvent.Extended, new TransitionInput($"client:{clientId}", Hours: hours));
        }, cancellationToken);

    /// <summary>
    /// A new access link for the recipient (and a new PIN once the parcel is in the locker); the old link and PIN stop
    /// working at once. For a recipient who lost the message.
    /// </summary>
    public Task<ReissueOutcome> ReissueAccessAsync(string clientId, string reservationId, CancellationToken cancellationToken = default) =>
        store.ExecuteAsync<ReissueOutcome>(async tx =>
        {
            var reservation = await tx.Reservations.GetAsync(reservationId);
            if (reservation is null || reservation.ClientId != clientId)
            {
                return new ReissueOutcome.NotFound();
            }
            var result = await lifecycle.ApplyAsync(tx, reservation, ReservationEvent.Reissued, new TransitionInput($"client:{clientId}"));
            return result.Applied
                ? new ReissueOutcome.Reissued(new ReissuedAccessResponse(ReservationResponse.From(result.Reservation),
                    lifecycle.AccessLinkFor(result.Issued.AccessToken!), result.Issued.Pickup?.Pin))
                : new ReissueOutcome.Refused(result.Refusal!);
        }, cancellationToken);

    /// <summary>A client's change to its own reservation, through the lifecycle; another client's looks like a missing one.</summary>
    private Task<ChangeOutcome> ChangeAsync(
        string clientId, string reservationId, Func<IStoreTransaction, Reservation, Task<TransitionResult>> change, CancellationToken cancellationToken) =>
        store.ExecuteAsync<ChangeOutcome>(async tx =>
        {
            var reservation = await tx.Reservations.GetAsync(reservationId);
            if (reservation is null || reservation.ClientId != clientId)
            {
                return new ChangeOutcome.NotFound();
            }
            var result = await change(tx, reservation);
            return result.Applied ? new ChangeOutcome.Changed(result.Reservation) : new ChangeOutcome.Refused(result.Refusal!);
        }, cancellationToken);
}
