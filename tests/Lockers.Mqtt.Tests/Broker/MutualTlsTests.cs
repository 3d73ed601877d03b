using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Lockers.Mqtt.Channel;
using Lockers.Mqtt.Client;
using Lockers.Mqtt.Packets;
using Lockers.Testing;
using Lockers.Testing.Mosquitto;
using Xunit.Abstractions;

namespace Lockers.Mqtt.Tests.Broker;

/// <summary>Mutual TLS: the broker demands a client certificate from the test CA.</summary>
public sealed class MutualTlsTests : IAsyncLifetime
{
    private readonly ITestOutputHelper _output;
    private MosquittoBroker _broker = null!;
    private BrokerClients _clients = null!;

    public MutualTlsTests(ITestOutputHelper output) => _output = output;

    public async Task InitializeAsync()
    {
        var options = new MosquittoBrokerOptions { EnableTls = true, RequireClientCertificate = true };
        options.AllowedErrors.Add("OpenSSL");
        _broker = await MosquittoBroker.StartNewAsync(options);
        _clients = new BrokerClients(_broker, _output);
    }

    public async Task DisposeAsync()
    {
        await _clients.DisposeAsync();
        await _broker.DisposeAsync();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ClientCertificate_RequiredByBroker_ConnectsOnlyWithIt(bool presentCertificate)
    {
        var pki = _broker.Certificates!;
        var options = _clients.Options("mtls");
        options.Port = _broker.TlsPort!.Value;
        options.Tls = new MqttTlsOptions
        {
            CaCertificate = X509CertificateLoader.LoadCertificateFromFile(pki.CaCertificatePath),
            ClientCertificate = presentCertificate ? X509Certificate2.CreateFromPemFile(pki.ClientCertificatePath, pki.ClientKeyPath) : null,
        };
        var (client, _) = _clients.Create(options);

        var connect = client.ConnectAsync().WaitAsync(TimeSpan.FromSeconds(10));
        if (presentCertificate)
        {
            await connect;
            Assert.Equal(MqttClientState.Connected, client.State);
        }
        else
        {
            var error = await Assert.ThrowsAsync<MqttConnectException>(() => connect);
            Assert.Null(error.ReturnCode);
        }
    }
}
