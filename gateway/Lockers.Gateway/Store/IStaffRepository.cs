using Lockers.Gateway.Staff;

namespace Lockers.Gateway.Store;

/// <summary>Staff accounts of the maintenance dashboard and their sessions. Passwords exist here only as hashes, session keys too.</summary>
public interface IStaffRepository
{
    /// <summary>Inserts the account; false when the user name is taken.</summary>
    Task<bool> InsertAsync(StaffAccount account);

    /// <summary>Replaces role and password hash of an existing account; false when there is none.</summary>
    Task<bool> UpdateAsync(StaffAccount account);

    /// <summary>Sets the role; false when there is no such account.</summary>
    Task<bool> SetRoleAsync(string userName, StaffRole role);

    /// <summary>Disables the account at <paramref name="at"/>, or enables it again with null; false when there is none.</summary>
    Task<bool> SetDisabledAsync(string userName, DateTimeOffset? at);

    Task<StaffAccount?> FindAsync(string userName);

    Task<IReadOnlyList<StaffAccount>> ListAsync();

    Task InsertSessionAsync(byte[] keyHash, string userName, byte[] ticket, DateTimeOffset createdAt, DateTimeOffset expiresAt);

    /// <summary>Replaces the ticket of a live session (sliding expiry); false when it is gone.</summary>
    Task<bool> UpdateSessionAsync(byte[] keyHash, byte[] ticket, DateTimeOffset expiresAt);

    /// <summary>The session with its account, when it exists and has not expired at <paramref name="now"/>.</summary>
    Task<StaffSession?> FindSessionAsync(byte[] keyHash, DateTimeOffset now);

    Task DeleteSessionAsync(byte[] keyHash);

    /// <summary>Live sessions of the user at <paramref name="now"/>.</summary>
    Task<int> CountSessionsAsync(string userName, DateTimeOffset now);

    /// <summary>Ends every session of the user; returns how many there were.</summary>
    Task<int> DeleteSessionsAsync(string userName);

    /// <summary>Forgets sessions that expired before <paramref name="now"/>.</summary>
    Task DeleteExpiredSessionsAsync(DateTimeOffset now);
}
