namespace Lockers.Gateway.Staff;

/// <summary>A dashboard user. <see cref="PasswordHash"/> is the self-describing string made by <see cref="StaffPasswordHasher"/>.</summary>
public sealed record StaffAccount(string UserName, StaffRole Role, string PasswordHash, DateTimeOffset CreatedAt);
