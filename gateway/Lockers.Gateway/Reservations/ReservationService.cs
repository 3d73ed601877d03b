using Lockers.Core.Board;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text;
using Lockers.Gateway.Audit;
using Lockers.Gateway.Codes;
using Lockers.Gateway.Store;
using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Reservations;

/// <summary>The reservation rules clients drive: book, read, list, cancel, extend. HTTP-free.</summary>
public sealed class ReservationService(
    ILockerStore store, CodeIssuer codes, SecretSealer sealer, CodeSecrets secrets,
    IOptions<ReservationsOptions> options, TimeProvider time)
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
            if (await tx.Registry.GetSiteAsync(request.SiteId) is null)
            {
                return new BookingOutcome.UnknownSite(request.SiteId);
            }
            var compartment = await tx.Registry.FindFreeCompartmentAsync(request.SiteId, request.Size, request.Accessible);
            if (compartment is null)
            {
                return new BookingOutcome.NoCapacity(request.SiteId, CompartmentSizes.ToName(request.Size));
            }

            var now = time.GetStoreNow();
            var reservation = new Reservation
            {
                Id = "rsv_" + CodeGenerator.Token(15),
                ClientId = clientId,
                SiteId = request.SiteId,
                Size = request.Size,
                Accessible = request.Accessible,
                ParcelReference = request.ParcelReference,
                RecipientEmail = request.Email,
                RecipientPhone = request.Phone,
                PickupWindowHours = request.PickupWindowHours,
                Status = ReservationStatus.Booked,
                Compartment = compartment.Ref,
                CreatedAt = now,
            };
            await tx.Reservations.InsertAsync(reservation);
            if (!await tx.Registry.TryHoldAsync(compartment.Ref, reservation.Id))
            {
                throw new InvalidOperationException($"compartment {compartment.Ref} was taken inside a write transaction");
            }
            var dropoffCode = await codes.IssueDropoffCodeAsync(tx, reservation);
            await tx.Audit.AppendAsync(new AuditEntry(now, $"client:{clientId}", AuditActions.ReservationBooked, reservation.SiteId,
                compartment.LockerId, compartment.Number, reservation.Id, $"size={request.Size} got={compartment.Size}"));

            var response = new BookedReservationResponse(ReservationResponse.From(reservation), dropoffCode);
            if (idempotencyKey is not null)
            {
                await tx.Idempotency.InsertAsync(new IdempotencyRecord(clientId, idempotencyKey, requestHash, StatusCodes.Status201Created,
                    sealer.Seal(JsonSerializer.Serialize(response, Json), IdempotentResponsePurpose), now));
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
        store.ExecuteAsync<ChangeOutcome>(async tx =>
        {
            var reservation = await tx.Reservations.GetAsync(reservationId);
            if (reservation is null || reservation.ClientId != clientId)
            {
                return new ChangeOutcome.NotFound();
            }
            if (reservation.Status != ReservationStatus.Booked || reservation.DepositedAt is not null)
            {
                return new ChangeOutcome.Refused(
                    $"The reservation is {Describe(reservation)}; only a booking whose parcel is not yet deposited can be cancelled.");
            }
            var now = time.GetStoreNow();
            var cancelled = reservation with { Status = ReservationStatus.Cancelled, ClosedAt = now };
            if (!await tx.Reservations.UpdateAsync(cancelled, ReservationStatus.Booked))
            {
                return new ChangeOutcome.Refused("The reservation changed meanwhile; read it again.");
            }
            if (reservation.Compartment is { } held)
            {
                await tx.Registry.ReleaseHoldAsync(held, reservation.Id);
            }
            await tx.Codes.RevokeAsync(reservation.Id, [CodeKind.Dropoff], now);
            await tx.Audit.AppendAsync(new AuditEntry(now, $"client:{clientId}", AuditActions.ReservationCancelled,
                reservation.SiteId, ReservationId: reservation.Id));
            return new ChangeOutcome.Changed(cancelled);
        }, cancellationToken);

    /// <summary>Adds hours to the pickup window of a booked or ready reservation, up to Reservations:MaxPickupWindowHours in total.</summary>
    public Task<ChangeOutcome> ExtendAsync(string clientId, string reservationId, int hours, CancellationToken cancellationToken = default) =>
        store.ExecuteAsync<ChangeOutcome>(async tx =>
        {
            var reservation = await tx.Reservations.GetAsync(reservationId);
            if (reservation is null || reservation.ClientId != clientId)
            {
                return new ChangeOutcome.NotFound();
            }
            if (reservation.Status is not (ReservationStatus.Booked or ReservationStatus.ReadyForPickup))
            {
                return new ChangeOutcome.Refused($"The reservation is {Describe(reservation)}; only booked or ready reservations can be extended.");
            }
            var total = reservation.PickupWindowHours + hours;
            if (total > _options.MaxPickupWindowHours)
            {
                return new ChangeOutcome.Refused(
                    $"The window would become {total} hours; at most {_options.MaxPickupWindowHours} hours are allowed " +
                    $"({_options.MaxPickupWindowHours - reservation.PickupWindowHours} more).");
            }
            var extended = reservation with
            {
                PickupWindowHours = total,
                PickupDeadline = reservation.PickupDeadline?.AddHours(hours),
            };
            if (!await tx.Reservations.UpdateAsync(extended, reservation.Status))
            {
                return new ChangeOutcome.Refused("The reservation changed meanwhile; read it again.");
            }
            await tx.Audit.AppendAsync(new AuditEntry(time.GetStoreNow(), $"client:{clientId}", AuditActions.ReservationExtended,
                reservation.SiteId, ReservationId: reservation.Id, Detail: $"hours=+{hours} total={total}"));
            return new ChangeOutcome.Changed(extended);
        }, cancellationToken);

    private static string Describe(Reservation r) =>
        r.Status == ReservationStatus.Booked && r.DepositedAt is not null ? "being deposited" : r.Status.ToWire();
}
