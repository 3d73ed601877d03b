using Lockers.Gateway.Reservations.Doors;
using Lockers.Gateway.Reservations.Rounds;
using Lockers.Gateway.Settings;

namespace Lockers.Gateway.Reservations;

public static class ReservationsSetup
{
    public static WebApplicationBuilder AddReservations(this WebApplicationBuilder builder)
    {
        builder.Services.AddGatewayOptions<ReservationsOptions, ReservationsOptionsValidator>();
        builder.Services.AddSingleton<ReservationLifecycle>();
        builder.Services.AddSingleton<ReservationService>();
        builder.Services.AddSingleton<RecipientActions>();
        builder.Services.AddSingleton<AvailabilityService>();
        builder.Services.AddSingleton<LockerCodeVerifier>();
        builder.Services.AddSingleton<DoorEventService>();
        builder.Services.AddSingleton<CourierRoundService>();
        builder.Services.AddSingleton<ManifestService>();
        return builder;
    }
}
