using System.Security.Cryptography.X509Certificates;
using Lockers.Gateway.Link;
using Lockers.Gateway.Provisioning.Pki;
using Lockers.Mqtt.Channel;
using Lockers.Mqtt.Client;

namespace Lockers.Gateway.Provisioning;

/// <summary>
/// Pushes a revoked locker's live connection off the broker. Mosquitto checks the revocation list only when a client
/// connects, so a stolen controller that is connected would stay connected. Its session can be taken over only by its own
/// identity (use_username_as_clientid), so this connects once as that identity with a certificate made for the purpose
/// (valid for minutes, key only in memory), which makes the broker close the old connection, and disconnects at once; the
/// eviction certificate is then revoked as well. The locker's reconnect then fails the TLS handshake.
/// </summary>
public static class BrokerEviction
{
    private static readonly TimeSpan CertificateLifetime = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Returns what happened, for the command's output ("evicted ...", "skipped: ...", "failed: ...").</summary>
    public static async Task<string> EvictAsync(DeploymentCa ca, string lockerId, LockerLinkOptions link, DateTimeOffset now)
    {
        if (!link.Enabled || !link.Tls)
        {
            return "skipped: LockerLink is not enabled with TLS here, so the broker's address is unknown; a connection the locker " +
                   "still holds lasts until it reconnects (restart the broker to end it now)";
        }

        var issued = await ca.IssueAsync(lockerId, CertificateKind.Locker, now, CertificateLifetime);
        try
        {
            using var certificate = X509Certificate2.CreateFromPem(issued.CertificatePem, issued.KeyPem);
            using var caCertificate = X509Certificate2.CreateFromPem(ca.CertificatePem);
            await using var client = new MqttClient(new MqttClientOptions
            {
                Host = link.Host,
                Port = link.Port,
                ClientId = lockerId,
                CleanSession = true,
                AutoReconnect = false,
                ConnectTimeout = ConnectTimeout,
                Tls = new MqttTlsOptions { CaCertificate = caCertificate, ClientCertificate = certificate },
            });
            await client.ConnectAsync();
            await client.DisconnectAsync();
            return $"evicted: a connection as {lockerId} was made and closed, so the broker dropped any connection the locker held";
        }
        catch (Exception ex) when (ex is MqttConnectException or IOException or TimeoutException or OperationCanceledException)
        {
            return $"failed: {ex.Message} (a connection the locker still holds lasts until it reconnects; restart the broker to end it now)";
        }
        finally
        {
            await ca.RevokeAsync([issued.Serial], now);
        }
    }
}
