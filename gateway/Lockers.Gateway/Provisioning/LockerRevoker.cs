using Lockers.Core.Protocol;
using Lockers.Gateway.Audit;
using Lockers.Gateway.Link;
using Lockers.Gateway.Provisioning.Pki;
using Lockers.Gateway.Store;
using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Provisioning;

/// <summary>
/// Cuts a locker off the broker (a stolen or decommissioned controller): every certificate the CA issued to it goes on
/// the revocation list, the broker's copy is written and the broker reloaded, so its next TLS handshake fails, and a
/// connection it still holds is pushed off (<see cref="BrokerEviction"/>). Audited. Provisioning it again gives it a new
/// certificate (and command key) that works.
/// </summary>
public sealed class LockerRevoker(
    ILockerStore store, IOptions<ProvisioningOptions> provisioning, IOptions<PkiOptions> pki, IOptions<LockerLinkOptions> link, TimeProvider time)
{
    public async Task<RevokedLocker> RevokeAsync(string lockerId, string actor, CancellationToken cancellationToken = default)
    {
        if (!Topics.IsValidLockerId(lockerId))
        {
            throw new ProvisioningException($"'{lockerId}' is not a valid locker id (1..64 of A-Z a-z 0-9 - _)");
        }

        if (string.Equals(lockerId, link.Value.Username, StringComparison.OrdinalIgnoreCase))
        {
            throw new ProvisioningException($"'{lockerId}' is the gateway's identity (LockerLink:Username), not a locker");
        }

        using var ca = DeploymentCa.Open(pki.Value.RequireDirectory());
        var issued = ca.Index.IssuedTo(lockerId).Where(entry => entry.Kind == CertificateKind.Locker).ToList();
        if (issued.Count == 0)
        {
            throw new ProvisioningException($"the CA in '{ca.Directory}' never issued a certificate to '{lockerId}'");
        }

        var now = time.GetStoreNow();
        var revoked = await ca.RevokeAsync(issued.Select(entry => entry.Serial), now);
        var options = provisioning.Value;
        var crlWritten = await BrokerFiles.CopyCrlAsync(ca, options);
        var reloaded = BrokerFiles.Reload(options);
        var eviction = reloaded || string.IsNullOrEmpty(options.PidFile)
            ? await BrokerEviction.EvictAsync(ca, lockerId, link.Value, now)
            : "skipped: the broker was not reloaded, so it would still accept the locker";
        // The eviction certificate was revoked after use: give the broker that list too.
        await BrokerFiles.CopyCrlAsync(ca, options);
        BrokerFiles.Reload(options);

        var siteId = await store.ExecuteAsync(async tx => (await tx.Registry.GetLockerAsync(lockerId))?.SiteId, cancellationToken);
        await store.ExecuteAsync(tx => tx.Audit.AppendAsync(new AuditEntry(now, actor, AuditActions.LockerRevoked, siteId, lockerId,
            Detail: $"certificates={string.Join(',', revoked)} crl={(crlWritten ? "written" : "not configured")} " +
                    $"reload={reloaded} eviction={eviction.Split(':')[0]}")), cancellationToken);
        return new RevokedLocker(lockerId, revoked, crlWritten, reloaded, eviction);
    }
}
