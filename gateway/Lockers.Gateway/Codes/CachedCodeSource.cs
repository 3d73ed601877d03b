namespace Lockers.Gateway.Codes;

/// <summary>
/// A live code that may open a door of one locker, as its offline code cache is built from it: the code sealed (never in
/// clear at rest), its kind, the compartment, and the pickup deadline that bounds a pickup code's cache entry.
/// </summary>
public sealed record CachedCodeSource(long CodeId, CodeKind Kind, byte[] SealedCode, int Compartment, DateTimeOffset? PickupDeadline);
