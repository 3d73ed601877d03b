using Lockers.Core.Config;

namespace Lockers.Simulator.Locker;

/// <summary>
/// Finds provisioned lockers in a folder that holds one folder per locker, each as
/// <c>Lockers.Gateway locker provision --out DIR/&lt;locker&gt;</c> writes it: <c>locker.json</c> beside the <c>ca.crt</c>,
/// <c>locker.crt</c> and <c>locker.key</c> it names.
/// </summary>
public static class ProvisionedLockers
{
    /// <summary>The device config's file name in each locker's folder.</summary>
    public const string ConfigFileName = "locker.json";

    /// <summary>
    /// The lockers under <paramref name="root"/>, in folder-name order. Throws <see cref="ArgumentException"/> naming the
    /// file at fault when the folder holds none, a config does not load, or two folders hold the same locker (they would
    /// take over each other's broker session).
    /// </summary>
    public static IReadOnlyList<ProvisionedLockerFiles> Find(string root)
    {
        if (!Directory.Exists(root))
        {
            throw new ArgumentException($"'{root}' is not a folder of provisioned lockers");
        }

        var lockers = new List<ProvisionedLockerFiles>();
        var folders = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var folder in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            var path = Path.Combine(folder, ConfigFileName);
            if (!File.Exists(path))
            {
                continue;
            }

            var locker = new ProvisionedLockerFiles(Load(path), Path.GetFullPath(folder));
            if (folders.TryGetValue(locker.Config.LockerId, out var first))
            {
                throw new ArgumentException($"'{first}' and '{folder}' both hold locker '{locker.Config.LockerId}': " +
                                            "two lockers with one identity take over each other's broker session");
            }

            folders[locker.Config.LockerId] = folder;
            lockers.Add(locker);
        }

        return lockers.Count > 0
            ? lockers
            : throw new ArgumentException($"no provisioned lockers in '{root}': expected one folder per locker holding {ConfigFileName}, " +
                                          "as 'Lockers.Gateway locker provision --out DIR/<locker>' writes it");
    }

    private static DeviceConfig Load(string path)
    {
        try
        {
            return DeviceConfigLoader.Load(File.ReadAllText(path));
        }
        catch (DeviceConfigException error)
        {
            throw new ArgumentException($"'{path}': {error.Message}", error);
        }
    }
}
