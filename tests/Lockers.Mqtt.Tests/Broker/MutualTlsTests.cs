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
public sealed class MutualTlsTests(ITestOutputHelper output) : BrokerTest(output)
{
    private protected override MosquittoBrokerOptions BrokerOptions()
    {
        var options = new MosquittoBrokerOptions { RequireClientCertificate = true };
        options.AllowedErrors.Add("OpenSSL");
        return options;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ClientCertificate_RequiredByBroker_ConnectsOnlyWithIt(bool presentCertificate)
    {
        var pki = Broker.Certificates!;
        var options = Clients.Options("mtls");
        options.Port = Broker.Port;
        options.Tls = new MqttTlsOptions
        {
            CaCertificate = X509CertificateLoader.LoadCertificateFromFile(pki.CaCertificatePath),
            ClientCertificate = presentCertificate ? X509Certificate2.CreateFromPemFile(pki.ClientCertificatePath, pki.ClientKeyPath) : null,
        };
        var (client, _) = Clients.Create(options);

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
