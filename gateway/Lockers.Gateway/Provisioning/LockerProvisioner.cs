using Lockers.Core.Board;
using Lockers.Core.Config;
using Lockers.Core.Protocol;
using Lockers.Gateway.Audit;
using Lockers.Gateway.Link;
using Lockers.Gateway.Provisioning.Pki;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Store;
using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Provisioning;

/// <summary>
/// Gives a registered locker its own broker identity (a client certificate from the deployment CA whose common name is
/// the locker id, ADR 0203) and command key. Everything is checked before anything is written; then the steps run from
/// the one most likely to fail to the one that changes the running system: certificate, device files (ca.crt, locker.crt,
/// locker.key, locker.json, all 0600), store (key sealed, certificate serial, audited), revocation of the locker's earlier
/// certificates, the broker's CRL copy and ACL, broker reload. Running it again replaces the secrets and keeps the
/// command counter.
/// </summary>
public sealed class LockerProvisioner(
    ILockerStore store, CommandKeys keys, IOptions<ProvisioningOptions> provisioning, IOptions<PkiOptions> pki,
    IOptions<LockerLinkOptions> link, TimeProvider time)
{
    public const string ConfigFileName = "locker.json";
    public const string CaFileName = "ca.crt";
    public const string CertificateFileName = "locker.crt";
    public const string KeyFileName = "locker.key";

    /// <summary>How the store refers to a certificate login (its column once held only password hashes).</summary>
    public static string CredentialReference(string serial) => "x509:" + serial;

    public async Task<ProvisionedLocker> ProvisionAsync(LockerProvisionRequest request, string actor, CancellationToken cancellationToken = default)
    {
        var (board, site) = await CheckAsync(request, cancellationToken);
        using var ca = DeploymentCa.Open(pki.Value.RequireDirectory());
        var earlier = ca.Index.IssuedTo(request.LockerId).Select(entry => entry.Serial).ToList();
        var key = CommandKeys.Generate();
        var config = new DeviceConfig(request.LockerId, request.SiteId,
            new BrokerSettings(request.BrokerHost, request.BrokerPort, true, request.LockerId, "", CaFileName, CertificateFileName, KeyFileName),
            key, Path.GetFileName(request.BoardPath), DeviceConfig.DefaultHeartbeatS, DeviceConfig.DefaultTelemetryS,
            request.LockerId, ScannerIdFor(request.LockerId), null, site.Language);
        Validate(config);

        var now = time.GetStoreNow();
        var certificate = await ca.IssueAsync(request.LockerId, CertificateKind.Locker, now, TimeSpan.FromDays(pki.Value.LockerCertificateDays));
        var keyPath = Path.Combine(request.OutputDirectory, KeyFileName);
        await PrivateFiles.WriteAsync(Path.Combine(request.OutputDirectory, CaFileName), ca.CertificatePem, secret: true);
        await PrivateFiles.WriteAsync(Path.Combine(request.OutputDirectory, CertificateFileName), certificate.CertificatePem, secret: true);
        await PrivateFiles.WriteAsync(keyPath, certificate.KeyPem, secret: true);
        var configPath = await DeviceConfigFile.WriteAsync(request.OutputDirectory, ConfigFileName, config);
        await store.ExecuteAsync(async tx =>
        {
            await tx.LockerLink.SaveCredentialsAsync(new LockerCredentials(request.LockerId, request.LockerId,
                CredentialReference(certificate.Serial), keys.Seal(request.LockerId, key), now)
            {
                // What the locker was told, so the offline rule waits for its real telemetry interval (Monitoring/AlarmRules).
                HeartbeatS = config.HeartbeatS,
                TelemetryS = config.TelemetryS,
            });
            // The only readers the gateway will take codes from for this locker (ADR 0109).
            await tx.LockerLink.SaveReadersAsync(request.LockerId, ProvisionedReader.Of(config.KeypadId, config.ScannerId));
            await tx.Audit.AppendAsync(new AuditEntry(now, actor, AuditActions.LockerProvisioned, request.SiteId, request.LockerId,
                Detail: $"board={board.Name} broker={request.BrokerHost}:{request.BrokerPort} certificate={certificate.Serial} " +
                        $"until={certificate.NotAfter:yyyy-MM-dd} replaced={earlier.Count}"));
        }, cancellationToken);

        // The earlier certificates go only now, so a failed run leaves the locker with the identity it had.
        var revoked = await ca.RevokeAsync(earlier, now);
        var options = provisioning.Value;
        var crlWritten = await BrokerFiles.CopyCrlAsync(ca, options);
        var aclWritten = !string.IsNullOrEmpty(options.AclFile) && await BrokerAclRules.EnsureFileAsync(options.AclFile, link.Value.Username);
        var reloaded = BrokerFiles.Reload(options);
        return new ProvisionedLocker(request.LockerId, request.LockerId, certificate.Serial, certificate.NotAfter, Convert.ToBase64String(key),
            configPath, keyPath, revoked, crlWritten, aclWritten, reloaded);
    }

    /// <summary>Every check that needs no side effect; returns the loaded board and the site (whose language the display speaks).</summary>
    private async Task<(BoardDefinition Board, Site Site)> CheckAsync(LockerProvisionRequest request, CancellationToken cancellationToken)
    {
        if (!Topics.IsValidLockerId(request.LockerId))
        {
            throw new ProvisioningException($"'{request.LockerId}' is not a valid locker id (1..64 of A-Z a-z 0-9 - _)");
        }

        if (string.Equals(request.LockerId, link.Value.Username, StringComparison.OrdinalIgnoreCase))
        {
            throw new ProvisioningException($"'{request.LockerId}' is the gateway's broker user (LockerLink:Username); a locker needs another id");
        }

        var board = LoadBoard(request.BoardPath);
        var (locker, compartments, site) = await store.ExecuteAsync(async tx =>
            (await tx.Registry.GetLockerAsync(request.LockerId), await tx.Registry.ListCompartmentsAsync(request.SiteId),
                await tx.Registry.GetSiteAsync(request.SiteId)), cancellationToken);
        if (locker is null || locker.SiteId != request.SiteId)
        {
            throw new ProvisioningException(locker is null
                ? $"locker '{request.LockerId}' is not registered: import its site first (site import --file ...)"
                : $"locker '{request.LockerId}' belongs to site '{locker.SiteId}', not '{request.SiteId}'");
        }

        var missing = compartments.Where(c => c.LockerId == locker.Id && board.FindCompartment(c.Number) is null).Select(c => c.Number).ToList();
        if (missing.Count > 0)
        {
            throw new ProvisioningException(
                $"board '{board.Name}' has no compartment {string.Join(", ", missing)}, which the registry lists for locker '{locker.Id}'");
        }

        return (board, site!);
    }

    private static BoardDefinition LoadBoard(string path)
    {
        if (!File.Exists(path))
        {
            throw new ProvisioningException($"board file '{path}' does not exist");
        }

        try
        {
            return BoardLoader.Load(File.ReadAllText(path));
        }
        catch (BoardException ex)
        {
            throw new ProvisioningException($"board file '{path}' is not valid: {ex.Message}", ex);
        }
    }

    private static void Validate(DeviceConfig config)
    {
        try
        {
            config.Validate();
        }
        catch (DeviceConfigException ex)
        {
            throw new ProvisioningException("the device configuration would be refused by the locker: " + ex.Message, ex);
        }
    }

    /// <summary>The loader's default scanner id, so the written file reads back unchanged.</summary>
    private static string ScannerIdFor(string lockerId) => lockerId.Length + 3 <= Topics.MaxLockerIdLength ? lockerId + "-qr" : "qr";
}
