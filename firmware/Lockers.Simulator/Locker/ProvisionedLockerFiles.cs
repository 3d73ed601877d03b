using Lockers.Core.Config;

namespace Lockers.Simulator.Locker;

/// <summary>One provisioned locker: its device config, and the folder holding it and the TLS files it names.</summary>
public sealed record ProvisionedLockerFiles(DeviceConfig Config, string Directory);
