using Lockers.Gateway.Provisioning.Pki;

namespace Lockers.Gateway.Provisioning;

/// <summary>What provisioning and revocation change on the broker's host: its CRL copy, its ACL, and a reload.</summary>
public static class BrokerFiles
{
    /// <summary>Copies the CA's revocation list to the broker's crlfile when one is configured; true when it did.</summary>
    public static async Task<bool> CopyCrlAsync(DeploymentCa ca, ProvisioningOptions options)
    {
        if (string.IsNullOrEmpty(options.CrlFile))
        {
            return false;
        }

        await PrivateFiles.WriteAsync(options.CrlFile, await File.ReadAllTextAsync(ca.CrlPath), secret: false);
        return true;
    }

    /// <summary>SIGHUP to the broker in the pid file: it rereads the ACL and, for TLS listeners with a crlfile, the revocation list.</summary>
    public static bool Reload(ProvisioningOptions options) => !string.IsNullOrEmpty(options.PidFile) && BrokerReload.TrySignal(options.PidFile);
}
