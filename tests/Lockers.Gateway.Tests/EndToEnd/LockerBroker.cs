using Lockers.Gateway.Provisioning;
using Lockers.Gateway.Tests.Infrastructure;
using Lockers.Testing.Mosquitto;

namespace Lockers.Gateway.Tests.EndToEnd;

/// <summary>
/// A real Mosquitto set up as the project ships it: the project's ACL (BrokerAclRules), the gateway user, a pid
/// file, and no lockers until provisioning adds them to its password file and sends SIGHUP.
/// </summary>
public sealed class LockerBroker : IAsyncDisposable
{
    public const string GatewayUser = "gateway";
    public const string GatewayPassword = "gateway-test-password";

    private readonly TempDirectory _pidDirectory;

    private LockerBroker(MosquittoBroker broker, TempDirectory pidDirectory)
    {
        Broker = broker;
        _pidDirectory = pidDirectory;
    }

    public MosquittoBroker Broker { get; }
    public int Port => Broker.Port;
    public string PasswordFile => System.IO.Path.Combine(Broker.Directory, "passwd");
    public string AclFile => System.IO.Path.Combine(Broker.Directory, "acl");
    public string PidFile => _pidDirectory.File("mosquitto.pid");

    public static async Task<LockerBroker> StartAsync()
    {
        var pidDirectory = new TempDirectory();
        var options = new MosquittoBrokerOptions { AclLines = BrokerAclRules.Render(GatewayUser).Split('\n') };
        options.Users[GatewayUser] = GatewayPassword;
        options.ExtraConfig.Add($"pid_file {pidDirectory.File("mosquitto.pid")}");
        return new LockerBroker(await MosquittoBroker.StartNewAsync(options), pidDirectory);
    }

    /// <summary>The gateway's Provisioning section pointing at this broker's files.</summary>
    public Dictionary<string, string?> ProvisioningSettings() => new()
    {
        ["Provisioning:PasswordFile"] = PasswordFile,
        ["Provisioning:AclFile"] = AclFile,
        ["Provisioning:PidFile"] = PidFile,
    };

    /// <summary>The gateway's LockerLink section for this broker.</summary>
    public Dictionary<string, string?> LinkSettings(string clientId, string? sharedGroup = null) => new()
    {
        ["LockerLink:Enabled"] = "true",
        ["LockerLink:Host"] = Broker.Host,
        ["LockerLink:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["LockerLink:Username"] = GatewayUser,
        ["LockerLink:Password"] = GatewayPassword,
        ["LockerLink:ClientId"] = clientId,
        ["LockerLink:SharedGroup"] = sharedGroup,
    };

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Broker.DisposeAsync();
        }
        finally
        {
            _pidDirectory.Dispose();
        }
    }
}
