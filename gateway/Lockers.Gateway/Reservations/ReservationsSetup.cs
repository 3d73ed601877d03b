using Lockers.Gateway.Reservations.Doors;

namespace Lockers.Gateway.Reservations;

public static class ReservationsSetup
{
    public static WebApplicationBuilder AddReservations(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReservationsOptions>().BindConfiguration(ReservationsOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ReservationLifecycle>();
        builder.Services.AddSingleton<ReservationService>();
        builder.Services.AddSingleton<AvailabilityService>();
        builder.Services.AddSingleton<LockerCodeVerifier>();
        builder.Services.AddSingleton<DoorEventService>();
        return builder;
    }
}
