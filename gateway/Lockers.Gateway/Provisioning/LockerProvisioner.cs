using Lockers.Core.Board;
using Lockers.Core.Config;
using Lockers.Core.Protocol;
using Lockers.Gateway.Audit;
using Lockers.Gateway.Link;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Store;
using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Provisioning;

/// <summary>
/// Gives a registered locker its own broker credentials and command key. Everything is checked before anything
/// is written; then the steps run from the one most likely to fail to the one that changes the running system:
/// device config file, store (key sealed, password hashed, audited), broker password file, ACL, broker reload.
/// Running it again for the same locker replaces its secrets and keeps its command counter.
/// </summary>
public sealed class LockerProvisioner(
    ILockerStore store, CommandKeys keys, IOptions<ProvisioningOptions> provisioning, IOptions<LockerLinkOptions> link,
    TimeProvider time)
{
    public const string ConfigFileName = "locker.json";

    public async Task<ProvisionedLocker> ProvisionAsync(LockerProvisionRequest request, string actor, CancellationToken cancellationToken = default)
    {
        var (board, site) = await CheckAsync(request, cancellationToken);
        var password = BrokerPasswordHash.NewPassword();
        var key = CommandKeys.Generate();
        var config = new DeviceConfig(request.LockerId, request.SiteId,
            new BrokerSettings(request.BrokerHost, request.BrokerPort, request.BrokerTls, request.LockerId, password),
            key, Path.GetFileName(request.BoardPath), DeviceConfig.DefaultHeartbeatS, DeviceConfig.DefaultTelemetryS,
            request.LockerId, ScannerIdFor(request.LockerId), null, site.Language);
        Validate(config);

        var configPath = await DeviceConfigFile.WriteAsync(request.OutputDirectory, ConfigFileName, config);
        var hash = BrokerPasswordHash.Create(password);
        await store.ExecuteAsync(async tx =>
        {
            var now = time.GetStoreNow();
            await tx.LockerLink.SaveCredentialsAsync(new LockerCredentials(request.LockerId, request.LockerId, hash, keys.Seal(request.LockerId, key), now));
            await tx.Audit.AppendAsync(new AuditEntry(now, actor, AuditActions.LockerProvisioned, request.SiteId, request.LockerId,
                Detail: $"board={board.Name} broker={request.BrokerHost}:{request.BrokerPort} tls={request.BrokerTls}"));
        }, cancellationToken);

        var options = provisioning.Value;
        var passwordWritten = false;
        if (!string.IsNullOrEmpty(options.PasswordFile))
        {
            await MosquittoPasswordFile.SetUserAsync(options.MosquittoPasswd, options.PasswordFile, request.LockerId, password);
            passwordWritten = true;
        }

        var aclWritten = !string.IsNullOrEmpty(options.AclFile) && await BrokerAclRules.EnsureFileAsync(options.AclFile, link.Value.Username);
        var reloaded = !string.IsNullOrEmpty(options.PidFile) && BrokerReload.TrySignal(options.PidFile);
        return new ProvisionedLocker(request.LockerId, request.LockerId, password, Convert.ToBase64String(key), configPath,
            passwordWritten ? null : $"{request.LockerId}:{hash}", passwordWritten, aclWritten, reloaded);
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
