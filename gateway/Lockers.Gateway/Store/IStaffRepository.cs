using Lockers.Gateway.Staff;

namespace Lockers.Gateway.Store;

/// <summary>Staff accounts of the maintenance dashboard. Passwords exist here only as hashes.</summary>
public interface IStaffRepository
{
    /// <summary>Inserts the account; false when the user name is taken.</summary>
    Task<bool> InsertAsync(StaffAccount account);

    /// <summary>Replaces role and password hash of an existing account; false when there is none.</summary>
    Task<bool> UpdateAsync(StaffAccount account);

    Task<StaffAccount?> FindAsync(string userName);

    Task<IReadOnlyList<StaffAccount>> ListAsync();
}
