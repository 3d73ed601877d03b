namespace Lockers.Gateway.Staff;

/// <summary>
/// A dashboard user. <see cref="PasswordHash"/> is the self-describing string made by <see cref="StaffPasswordHasher"/>;
/// a disabled account (<see cref="DisabledAt"/> set) cannot sign in and has no session.
/// </summary>
public sealed record StaffAccount(string UserName, StaffRole Role, string PasswordHash, DateTimeOffset CreatedAt, DateTimeOffset? DisabledAt = null)
{
    public bool IsDisabled => DisabledAt is not null;
}

/// <summary>
/// A stored dashboard session (ADR 0302): found by the SHA-256 of the random key the cookie carries, with the serialized
/// authentication ticket, until <see cref="ExpiresAt"/>. <see cref="Account"/> is the account as it is now.
/// </summary>
public sealed record StaffSession(byte[] Ticket, DateTimeOffset ExpiresAt, StaffAccount Account);
