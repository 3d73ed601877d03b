namespace Lockers.Gateway.Tests.Architecture;

/// <summary>
/// Services get what they use through their constructors. Only the composition roots resolve services from the
/// container: the setup classes (AddX), Program, and the command line, which runs one service per subcommand.
/// A lookup anywhere else hides a dependency (and once hid a second command sender behind "if registered").
/// </summary>
public sealed class CompositionTests
{
    private static readonly string[] Lookups =
    [
        "Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions",
        "Microsoft.Extensions.DependencyInjection.ActivatorUtilities",
        "System.IServiceProvider",
    ];

    private static bool IsCompositionRoot(Mono.Cecil.TypeDefinition type) =>
        type.Name.EndsWith("Setup", StringComparison.Ordinal) || type.Name is "Program" or "GatewayCommandLine" or "ProvisionCommand" or "CaCommand";

    [Fact]
    public void Services_AreResolvedOnlyByCompositionRoots()
    {
        var lookups = GatewayIl.Methods()
            .Where(m => !IsCompositionRoot(m.Source))
            .SelectMany(m => GatewayIl.Calls(m.Method)
                .Where(call => Lookups.Contains(call.DeclaringType.FullName) || call.Name == "get_RequestServices")
                .Select(call => $"{m.Source.FullName}: {call.DeclaringType.Name}.{call.Name}"))
            .Distinct()
            .ToList();

        Assert.True(lookups.Count == 0, "Take these through the constructor instead of looking them up:\n" + string.Join("\n", lookups));
    }

    [Fact]
    public void NoService_IsOptional()
    {
        // GetService returns null for a missing registration: a silent fallback (the dashboard's commands once went to
        // "no locker link" that way). Registrations are unconditional; a missing one must fail at start-up.
        var optional = GatewayIl.Methods()
            .SelectMany(m => GatewayIl.Calls(m.Method)
                .Where(call => Lookups.Contains(call.DeclaringType.FullName) && call.Name is "GetService" or "GetServices")
                .Select(call => $"{m.Source.FullName}: {call.DeclaringType.Name}.{call.Name}"))
            .Distinct()
            .ToList();

        Assert.True(optional.Count == 0, "Use GetRequiredService, in a composition root:\n" + string.Join("\n", optional));
    }
}
