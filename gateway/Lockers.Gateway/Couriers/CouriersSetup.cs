using Lockers.Gateway.Settings;

namespace Lockers.Gateway.Couriers;

public static class CouriersSetup
{
    public static WebApplicationBuilder AddCouriers(this WebApplicationBuilder builder)
    {
        builder.Services.AddGatewayOptions<CouriersOptions, CouriersOptionsValidator>();
        builder.Services.AddSingleton<CourierService>();
        return builder;
    }
}
