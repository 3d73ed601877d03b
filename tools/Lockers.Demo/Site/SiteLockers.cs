using Lockers.Core.Board;
using Lockers.Core.Config;
using Lockers.Simulator.Locker;

namespace Lockers.Demo.Site;

/// <summary>The site's two simulated lockers, each from the device config the gateway's provisioning wrote, on the demo-12 board.</summary>
public static class SiteLockers
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Builds them powered off, by letter (A = demo-a); each keeps its flash in the data directory.</summary>
    public static Dictionary<char, SimulatedLocker> Create(DemoPaths paths, int brokerPort)
    {
        var board = BoardLoader.Load(File.ReadAllText(paths.BoardFile));
        return DemoPaths.LockerIds.ToDictionary(DemoSession.LetterOf, lockerId => new SimulatedLocker(
            DeviceConfigLoader.Load(File.ReadAllText(paths.LockerConfig(lockerId))), board, paths.LockerFlash(lockerId),
            new SimulatedLockerOptions { BrokerHost = "127.0.0.1", BrokerPort = brokerPort }, paths.LockerDirectory(lockerId)));
    }

    /// <summary>Powers them on and waits (at most 15 s) until they are connected; one that is not yet keeps trying and is named.</summary>
    public static async Task StartAsync(Dictionary<char, SimulatedLocker> lockers, DemoPaths paths, TextWriter log, CancellationToken cancellationToken)
    {
        foreach (var locker in lockers.Values)
        {
            await locker.StartAsync();
        }

        var deadline = DateTime.UtcNow + ConnectTimeout;
        while (lockers.Values.Any(l => !l.IsConnected) && DateTime.UtcNow < deadline && !cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(50, CancellationToken.None);
        }

        foreach (var (letter, _) in lockers.Where(l => !l.Value.IsConnected))
        {
            log.WriteLine($"locker {letter} is not connected yet (it keeps trying; see {paths.BrokerLog})");
        }
    }
}
