namespace Lockers.Gateway.Reservations;

public static class ReservationsSetup
{
    public static WebApplicationBuilder AddReservations(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReservationsOptions>().BindConfiguration(ReservationsOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ReservationService>();
        return builder;
    }
}
