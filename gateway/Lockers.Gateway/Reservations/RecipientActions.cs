using Lockers.Gateway.Clients;
using Lockers.Gateway.Codes;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Store;
using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Reservations;

/// <summary>
/// What a recipient can see and do with the access link alone (the link's token is the only credential): read the parcel
/// page, extend the pickup window and send the parcel to another site, within the carrier's recipient policy. HTTP-free;
/// every change is a lifecycle step (webhooks extended / redirected, audit). A link is dead when unknown, when it was
/// replaced (reissued, redirected), and some days after the parcel was closed: then it shows nothing at all.
/// </summary>
public sealed class RecipientActions(
    ILockerStore store, ReservationLifecycle lifecycle, CodeHasher hasher, CodeIssuer codes, IOptions<RecipientPolicyOptions> policyOptions,
    IOptions<ReservationsOptions> reservationOptions, TimeProvider time)
{
    public const string Actor = "recipient";
    private const int MinTokenLength = 16;
    private const int MaxTokenLength = 64;

    /// <summary>The page for the link, or NotFound (a malformed, unknown, replaced or long-closed link: one answer for all).</summary>
    public Task<RecipientOutcome> ViewAsync(string accessToken, CancellationToken cancellationToken = default) =>
        store.ReadAsync<RecipientOutcome>(async tx => await FindAsync(tx, accessToken) is { } reservation
            ? new RecipientOutcome.Done(await ViewOfAsync(tx, reservation, accessToken))
            : new RecipientOutcome.NotFound(), cancellationToken);

    /// <summary>Adds <paramref name="hours"/> to the pickup window of a waiting parcel, within the policy and the longest window.</summary>
    public Task<RecipientOutcome> ExtendAsync(string accessToken, int hours, CancellationToken cancellationToken = default) =>
        store.ExecuteAsync<RecipientOutcome>(async tx =>
        {
            if (await FindAsync(tx, accessToken) is not { } reservation)
            {
                return new RecipientOutcome.NotFound();
            }

            var view = await ViewOfAsync(tx, reservation, accessToken);
            if (view.State is not (RecipientPageState.Waiting or RecipientPageState.Moved) || !lifecycle.Allows(reservation, ReservationEvent.Extended))
            {
                return new RecipientOutcome.Refused(RecipientRefusal.NotNow, view);
            }

            if (hours < 1)
            {
                return new RecipientOutcome.Refused(RecipientRefusal.Invalid, view);
            }

            if (hours > view.ExtensionHoursLeft)
            {
                return new RecipientOutcome.Refused(RecipientRefusal.BeyondPolicy, view, view.ExtensionHoursLeft.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            var result = await lifecycle.ApplyAsync(tx, reservation, ReservationEvent.Extended, new TransitionInput(Actor, Hours: hours, ByRecipient: true));
            return result.Applied
                ? new RecipientOutcome.Done(await ViewOfAsync(tx, result.Reservation, accessToken))
                : new RecipientOutcome.Refused(RecipientRefusal.NotNow, view);
        }, cancellationToken);

    /// <summary>
    /// Sends the parcel to <paramref name="siteId"/>, one of the nearby sites with a free compartment of its size: before
    /// deposit the booking moves there; after deposit (where the carrier allows it) the parcel waits here for the carrier and
    /// a new reservation, holding a compartment there and taking over the link, carries it on.
    /// </summary>
    public Task<RecipientOutcome> RedirectAsync(string accessToken, string siteId, CancellationToken cancellationToken = default) =>
        store.ExecuteAsync<RecipientOutcome>(async tx =>
        {
            if (await FindAsync(tx, accessToken) is not { } reservation)
            {
                return new RecipientOutcome.NotFound();
            }

            var view = await ViewOfAsync(tx, reservation, accessToken);
            if (!view.RedirectAllowed)
            {
                return new RecipientOutcome.Refused(
                    view.State is RecipientPageState.Waiting or RecipientPageState.Moved or RecipientPageState.OnTheWay or RecipientPageState.Redirected
                        ? RecipientRefusal.NotAllowed : RecipientRefusal.NotNow, view);
            }

            var target = RegistryIds.IsValid(siteId) ? await tx.Registry.GetSiteAsync(siteId) : null;
            if (target?.Location is null || target.Id == reservation.SiteId || view.Site.Location is not { } here
                || here.DistanceKm(target.Location) > policyOptions.Value.NearbyRadiusKm)
            {
                return new RecipientOutcome.Refused(RecipientRefusal.Invalid, view);
            }

            var compartment = await tx.Registry.FindFreeCompartmentAsync(target.Id, reservation.Size, reservation.Accessible);
            if (compartment is null)
            {
                return new RecipientOutcome.Refused(RecipientRefusal.TargetFull, view, target.Name);
            }

            if (reservation.Status == ReservationStatus.Booked)
            {
                var moved = await lifecycle.ApplyAsync(tx, reservation, ReservationEvent.Redirected,
                    new TransitionInput(Actor, Compartment: compartment.Ref, SiteId: target.Id));
                return moved.Applied
                    ? new RecipientOutcome.Done(await ViewOfAsync(tx, moved.Reservation, accessToken))
                    : new RecipientOutcome.Refused(RecipientRefusal.NotNow, view);
            }

            var newId = ReservationLifecycle.NewReservationId();
            var left = await lifecycle.ApplyAsync(tx, reservation, ReservationEvent.Redirected,
                new TransitionInput(Actor, SiteId: target.Id, NewReservationId: newId));
            if (!left.Applied)
            {
                return new RecipientOutcome.Refused(RecipientRefusal.NotNow, view);
            }

            var carried = await lifecycle.CarryOnAsync(tx, reservation, newId, target.Id, compartment.Ref,
                new TransitionInput(Actor, AuditDetail: $"carries_on={reservation.Id}"));
            return new RecipientOutcome.Done(await ViewOfAsync(tx, carried.Reservation, accessToken));
        }, cancellationToken);

    /// <summary>The QR token for the link while the parcel waits (the image is drawn from it), else null.</summary>
    public Task<string?> QrTokenAsync(string accessToken, CancellationToken cancellationToken = default) =>
        store.ReadAsync(async tx => await FindAsync(tx, accessToken) is { Status: ReservationStatus.ReadyForPickup }
            ? hasher.QrTokenFor(accessToken)
            : null, cancellationToken);

    private async Task<Reservation?> FindAsync(IStoreTransaction tx, string accessToken)
    {
        if (accessToken.Length is < MinTokenLength or > MaxTokenLength)
        {
            return null;
        }

        var reservation = await tx.Reservations.FindByAccessTokenHashAsync(hasher.HashAccessToken(accessToken));
        if (reservation?.ClosedAt is { } closed && closed.AddDays(policyOptions.Value.ClosedLinkDays) < time.GetStoreNow())
        {
            return null;
        }

        return reservation;
    }

    private async Task<RecipientView> ViewOfAsync(IStoreTransaction tx, Reservation r, string accessToken)
    {
        var site = (await tx.Registry.GetSiteAsync(r.SiteId))!;
        var compartment = r.Compartment is { } held ? await tx.Registry.GetCompartmentAsync(held) : null;
        var locker = r.Compartment is { } at ? await tx.Registry.GetLockerAsync(at.LockerId) : null;
        var from = r.RedirectedFrom is { } fromId ? await tx.Registry.GetSiteAsync(fromId) : null;
        var client = (await tx.Clients.GetClientAsync(r.ClientId))!;
        var policy = RecipientPolicy.For(client, policyOptions.Value);
        var state = StateOf(r);
        var waiting = state is RecipientPageState.Waiting or RecipientPageState.Moved;

        var extensionLeft = waiting
            ? Math.Max(0, Math.Min(policy.ExtensionHours - r.RecipientExtendedHours, reservationOptions.Value.MaxPickupWindowHours - r.PickupWindowHours))
            : 0;
        var redirectAllowed = r.Kind == ReservationKind.Delivery
            && (r.Status == ReservationStatus.Booked && r.DepositedAt is null && policy.RedirectBeforeDeposit
                || r.Status == ReservationStatus.ReadyForPickup && policy.RedirectAfterDeposit);
        var choices = redirectAllowed
            ? await NearbySites.FindAsync(tx, site, r.Size, r.Accessible, policyOptions.Value.NearbySites, policyOptions.Value.NearbyRadiusKm)
            : [];

        return new RecipientView(r, state, site, locker, compartment, from,
            waiting && r.PinIndex is { } index ? codes.PinFor(accessToken, index) : null, waiting, policy, extensionLeft,
            policyOptions.Value.ExtensionStepHours, redirectAllowed, choices, time.GetStoreNow());
    }

    private static RecipientPageState StateOf(Reservation r) => (r.Kind, r.Status) switch
    {
        (ReservationKind.Send, ReservationStatus.Booked) => RecipientPageState.SendBooked,
        (ReservationKind.Send, ReservationStatus.Deposited) => RecipientPageState.SendDeposited,
        (ReservationKind.Send, _) => RecipientPageState.SendCollected,
        (_, ReservationStatus.Booked) when r.RedirectedFrom is not null => RecipientPageState.Redirected,
        (_, ReservationStatus.Booked) => RecipientPageState.OnTheWay,
        (_, ReservationStatus.ReadyForPickup) when r.MovedAt is not null => RecipientPageState.Moved,
        (_, ReservationStatus.ReadyForPickup) => RecipientPageState.Waiting,
        (_, ReservationStatus.PickedUp) => RecipientPageState.Collected,
        (_, ReservationStatus.Cancelled) => RecipientPageState.Cancelled,
        _ => RecipientPageState.Expired,
    };
}
