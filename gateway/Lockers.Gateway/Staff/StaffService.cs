using Lockers.Gateway.Audit;
using Lockers.Gateway.Store;

namespace Lockers.Gateway.Staff;

/// <summary>
/// Staff accounts: create or reset (admin, CLI), role changes, disabling, password changes, and password checks at sign-in.
/// Every change of what an account may do ends all of its sessions in the same unit of work (ADR 0302): a copied cookie, or
/// a tab left open, never keeps a role or a password the account no longer has.
/// </summary>
public sealed class StaffService(ILockerStore store, StaffPasswordHasher hasher, TimeProvider time)
{
    public const int MinimumPasswordLength = 12;

    // Checked against when the user does not exist, so a wrong name costs as long as a wrong password.
    private readonly Lazy<string> _decoyHash = new(() => hasher.Hash(Guid.NewGuid().ToString()));

    /// <summary>Creates the account, or replaces role and password of an existing one (ending its sessions). Returns true when it was new.</summary>
    public Task<bool> SaveAsync(string userName, StaffRole role, string password, string actor, CancellationToken cancellationToken = default)
    {
        ValidateUserName(userName);
        ValidatePassword(password);
        var account = new StaffAccount(userName, role, hasher.Hash(password), time.GetStoreNow());
        return store.ExecuteAsync(async tx =>
        {
            var created = await tx.Staff.InsertAsync(account);
            if (!created)
            {
                await tx.Staff.UpdateAsync(account);
                await RevokeAsync(tx, userName, actor, "password and role replaced");
            }
            await tx.Audit.AppendAsync(new AuditEntry(account.CreatedAt, actor, AuditActions.StaffAccountSaved,
                Detail: $"user={userName} role={role.ToWire()} {(created ? "created" : "password and role replaced")}"));
            return created;
        }, cancellationToken);
    }

    /// <summary>Gives the account another role; its sessions end. False when there is no such account.</summary>
    public Task<bool> ChangeRoleAsync(string userName, StaffRole role, string actor, CancellationToken cancellationToken = default) =>
        store.ExecuteAsync(async tx =>
        {
            if (!await tx.Staff.SetRoleAsync(userName, role))
            {
                return false;
            }
            await tx.Audit.AppendAsync(new AuditEntry(time.GetStoreNow(), actor, AuditActions.StaffAccountSaved,
                Detail: $"user={userName} role={role.ToWire()} role changed"));
            await RevokeAsync(tx, userName, actor, $"role changed to {role.ToWire()}");
            return true;
        }, cancellationToken);

    /// <summary>Disables (no sign-in, every session ended) or enables the account. False when there is no such account.</summary>
    public Task<bool> SetDisabledAsync(string userName, bool disabled, string actor, CancellationToken cancellationToken = default) =>
        store.ExecuteAsync(async tx =>
        {
            var now = time.GetStoreNow();
            if (!await tx.Staff.SetDisabledAsync(userName, disabled ? now : null))
            {
                return false;
            }
            await tx.Audit.AppendAsync(new AuditEntry(now, actor, disabled ? AuditActions.StaffAccountDisabled : AuditActions.StaffAccountEnabled,
                Detail: $"user={userName}"));
            if (disabled)
            {
                await RevokeAsync(tx, userName, actor, "account disabled");
            }
            return true;
        }, cancellationToken);

    /// <summary>
    /// The signed-in user changes their own password: the current one must match. Every session of the account ends, the
    /// caller's too. False when the current password is wrong.
    /// </summary>
    public async Task<bool> ChangePasswordAsync(string userName, string currentPassword, string newPassword, CancellationToken cancellationToken = default)
    {
        ValidatePassword(newPassword);
        if (await VerifyAsync(userName, currentPassword, cancellationToken) is null)
        {
            return false;
        }
        var hash = hasher.Hash(newPassword);
        return await store.ExecuteAsync(async tx =>
        {
            if (await tx.Staff.FindAsync(userName) is not { IsDisabled: false } account)
            {
                return false;
            }
            await tx.Staff.UpdateAsync(account with { PasswordHash = hash });
            await tx.Audit.AppendAsync(new AuditEntry(time.GetStoreNow(), $"staff:{userName}", AuditActions.StaffPasswordChanged));
            await RevokeAsync(tx, userName, $"staff:{userName}", "password changed");
            return true;
        }, cancellationToken);
    }

    /// <summary>The account when name and password match and it is not disabled; null otherwise (one answer for all). Audited.</summary>
    public async Task<StaffAccount?> VerifyAsync(string userName, string password, CancellationToken cancellationToken = default)
    {
        var account = await store.ReadAsync(tx => tx.Staff.FindAsync(userName), cancellationToken);
        var valid = hasher.Verify(password, account?.PasswordHash ?? _decoyHash.Value) && account is { IsDisabled: false };
        var safeName = userName.Length > 64 ? userName[..64] : userName;
        await store.ExecuteAsync(tx => tx.Audit.AppendAsync(new AuditEntry(time.GetStoreNow(), $"staff:{safeName}",
            valid ? AuditActions.StaffSignedIn : AuditActions.StaffSignInFailed,
            Detail: account is { IsDisabled: true } ? "account disabled" : null)), cancellationToken);
        return valid ? account : null;
    }

    /// <summary>Audits a sign-out (the session itself is removed by the cookie handler through <see cref="StaffSessionStore"/>).</summary>
    public Task SignedOutAsync(string userName, CancellationToken cancellationToken = default) =>
        store.ExecuteAsync(tx => tx.Audit.AppendAsync(new AuditEntry(time.GetStoreNow(), $"staff:{userName}", AuditActions.StaffSignedOut)),
            cancellationToken);

    public static void ValidateUserName(string userName)
    {
        if (userName.Length is < 1 or > 64 || !userName.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '@'))
        {
            throw new ArgumentException("a user name is 1-64 characters of letters, digits and . - _ @");
        }
    }

    private static void ValidatePassword(string password)
    {
        if (password.Length < MinimumPasswordLength)
        {
            throw new ArgumentException($"the password must have at least {MinimumPasswordLength} characters");
        }
    }

    private async Task RevokeAsync(IStoreTransaction tx, string userName, string actor, string why)
    {
        var ended = await tx.Staff.DeleteSessionsAsync(userName);
        await tx.Audit.AppendAsync(new AuditEntry(time.GetStoreNow(), actor, AuditActions.StaffSessionsRevoked,
            Detail: $"user={userName} sessions={ended}: {why}"));
    }
}
