using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Settings;

/// <summary>
/// An options section of the gateway: one class per section (in its feature's folder), bound from the configuration
/// section <see cref="Section"/>, every option listed with its default in appsettings.example.json (a test holds this).
/// </summary>
public interface IGatewayOptions
{
    /// <summary>The configuration section, "Store" for Store:DataDirectory.</summary>
    static abstract string Section { get; }
}

/// <summary>The one way a section is bound and validated.</summary>
public static class GatewayOptions
{
    /// <summary>
    /// Binds <typeparamref name="TOptions"/> to its section and checks it with <typeparamref name="TValidator"/> when the
    /// gateway starts (and when a subcommand first reads it): a bad value stops start-up with every problem named by its key.
    /// </summary>
    public static OptionsBuilder<TOptions> AddGatewayOptions<TOptions, TValidator>(this IServiceCollection services)
        where TOptions : class, IGatewayOptions
        where TValidator : OptionsValidator<TOptions>
    {
        services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
        return services.AddOptions<TOptions>()
            .Configure<IConfiguration>((options, configuration) => Bind(options, configuration.GetSection(TOptions.Section)))
            .ValidateOnStart();
    }

    /// <summary>
    /// Binds like <c>BindConfiguration</c>, except that a list given in configuration replaces the default list: the
    /// binder alone appends to it, so Throttle:DelaysSeconds = [0, 30] became the default schedule followed by 0, 30.
    /// </summary>
    private static void Bind(object options, IConfigurationSection section)
    {
        foreach (var property in options.GetType().GetProperties().Where(p => p.CanWrite && p.PropertyType.IsArray))
        {
            if (section.GetSection(property.Name).GetChildren().Any())
            {
                property.SetValue(options, Array.CreateInstance(property.PropertyType.GetElementType()!, 0));
            }
        }

        section.Bind(options);
    }
}
