using Lockers.Gateway.Audit;
using Lockers.Gateway.Monitoring;
using Lockers.Gateway.Store;

namespace Lockers.Gateway.Staff;

/// <summary>Staff accounts: create or reset (admin, CLI), and password checks at sign-in.</summary>
public sealed class StaffService(ILockerStore store, StaffPasswordHasher hasher, TimeProvider time)
{
    public const int MinimumPasswordLength = 12;

    // Checked against when the user does not exist, so a wrong name costs as long as a wrong password.
    private readonly Lazy<string> _decoyHash = new(() => hasher.Hash(Guid.NewGuid().ToString()));

    /// <summary>Creates the account, or replaces role and password of an existing one. Returns true when it was new.</summary>
    public Task<bool> SaveAsync(string userName, StaffRole role, string password, string actor, CancellationToken cancellationToken = default)
    {
        ValidateUserName(userName);
        if (password.Length < MinimumPasswordLength)
        {
            throw new ArgumentException($"the password must have at least {MinimumPasswordLength} characters");
        }
        var account = new StaffAccount(userName, role, hasher.Hash(password), time.GetStoreNow());
        return store.ExecuteAsync(async tx =>
        {
            var created = await tx.Staff.InsertAsync(account);
            if (!created)
            {
                await tx.Staff.UpdateAsync(account);
            }
            await tx.Audit.AppendAsync(new AuditEntry(account.CreatedAt, actor, AuditActions.StaffAccountSaved,
                Detail: $"user={userName} role={role.ToWire()} {(created ? "created" : "password and role replaced")}"));
            return created;
        }, cancellationToken);
    }

    /// <summary>The account when name and password match; null otherwise (one answer for both cases). Audited.</summary>
    public async Task<StaffAccount?> VerifyAsync(string userName, string password, CancellationToken cancellationToken = default)
    {
        var account = await store.ReadAsync(tx => tx.Staff.FindAsync(userName), cancellationToken);
        var valid = hasher.Verify(password, account?.PasswordHash ?? _decoyHash.Value) && account is not null;
        var safeName = userName.Length > 64 ? userName[..64] : userName;
        await store.ExecuteAsync(tx => tx.Audit.AppendAsync(new AuditEntry(time.GetStoreNow(), $"staff:{safeName}",
            valid ? AuditActions.StaffSignedIn : AuditActions.StaffSignInFailed)), cancellationToken);
        return valid ? account : null;
    }

    public static void ValidateUserName(string userName)
    {
        if (userName.Length is < 1 or > 64 || !userName.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '@'))
        {
            throw new ArgumentException("a user name is 1-64 characters of letters, digits and . - _ @");
        }
    }
}
