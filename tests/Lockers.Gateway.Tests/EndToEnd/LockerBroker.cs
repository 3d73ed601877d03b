using System.Globalization;
using Lockers.Gateway.Provisioning;
using Lockers.Gateway.Tests.Infrastructure;
using Lockers.Mqtt.Client;
using Lockers.Testing;
using Lockers.Testing.Mosquitto;

namespace Lockers.Gateway.Tests.EndToEnd;

/// <summary>
/// A real Mosquitto set up as the project ships it: one TLS listener where a client certificate from the deployment CA
/// is the identity (user name and client id), the project's ACL (BrokerAclRules), the CA's revocation list as crlfile, a
/// pid file, and no lockers until provisioning issues their certificates. The test CA is the gateway's deployment CA
/// (<see cref="ProvisioningSettings"/>), so what provisioning and revocation write is what the broker reads.
/// </summary>
public sealed class LockerBroker : IAsyncDisposable
{
    public const string GatewayUser = "gateway";

    private readonly TempDirectory _directory;

    private LockerBroker(MosquittoBroker broker, TempDirectory directory)
    {
        Broker = broker;
        _directory = directory;
    }

    public MosquittoBroker Broker { get; }
    public int Port => Broker.Port;
    public TestCertificates Certificates => Broker.Certificates!;
    public string AclFile => System.IO.Path.Combine(Broker.Directory, "acl");
    public string PidFile => _directory.File("mosquitto.pid");

    public static async Task<LockerBroker> StartAsync(Action<MosquittoBrokerOptions>? configure = null)
    {
        var directory = new TempDirectory();
        var options = new MosquittoBrokerOptions { AclLines = BrokerAclRules.Render(GatewayUser).Split('\n'), RequireClientCertificate = true };
        options.ExtraConfig.Add($"pid_file {directory.File("mosquitto.pid")}");
        configure?.Invoke(options);
        var broker = await MosquittoBroker.StartNewAsync(options);
        await broker.Certificates!.WriteClientCertificateAsync(GatewayUser, directory.Path, "gateway");
        return new LockerBroker(broker, directory);
    }

    /// <summary>The gateway's Provisioning and Pki sections pointing at this broker's files and CA.</summary>
    public Dictionary<string, string?> ProvisioningSettings() => new()
    {
        ["Provisioning:CrlFile"] = Certificates.CrlPath,
        ["Provisioning:AclFile"] = AclFile,
        ["Provisioning:PidFile"] = PidFile,
        ["Pki:Directory"] = Certificates.Directory,
    };

    /// <summary>The gateway's LockerLink section for this broker: TLS with the gateway's client certificate.</summary>
    public Dictionary<string, string?> LinkSettings(string clientId, string? sharedGroup = null) => new()
    {
        ["LockerLink:Enabled"] = "true",
        ["LockerLink:Host"] = Broker.Host,
        ["LockerLink:Port"] = Port.ToString(CultureInfo.InvariantCulture),
        ["LockerLink:Tls"] = "true",
        ["LockerLink:CaCertificateFile"] = Certificates.CaCertificatePath,
        ["LockerLink:ClientCertificateFile"] = _directory.File("gateway.crt"),
        ["LockerLink:ClientKeyFile"] = _directory.File("gateway.key"),
        ["LockerLink:Username"] = GatewayUser,
        ["LockerLink:ClientId"] = clientId,
        ["LockerLink:SharedGroup"] = sharedGroup,
    };

    /// <summary>
    /// Options for a client with <paramref name="identity"/>'s certificate (the broker makes the identity its user name and
    /// client id, whatever <paramref name="clientId"/> says).
    /// </summary>
    public MqttClientOptions ClientOptions(string identity, string clientId) => new()
    {
        Host = Broker.Host,
        Port = Port,
        ClientId = clientId,
        Tls = Broker.ClientTls(identity),
    };

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Broker.DisposeAsync();
        }
        finally
        {
            _directory.Dispose();
        }
    }
}
