using System.Net;
using System.Net.Sockets;
using Lockers.Demo.Setup;

namespace Lockers.Demo.Processes;

/// <summary>Mosquitto with the demo's generated configuration, as a child process.</summary>
public static class Broker
{
    /// <summary>Starts it and returns once it accepts connections on <paramref name="port"/>; throws with its log otherwise.</summary>
    public static async Task<ChildProcess> StartAsync(DemoPaths paths, int port, TimeSpan timeout)
    {
        var broker = await ChildProcess.StartAsync("mosquitto", Programs.Find("mosquitto"), ["-c", paths.BrokerConfig],
            Path.Combine(paths.LogDirectory, "mosquitto.out"), Path.Combine(paths.RunDirectory, "mosquitto.pid"), paths.BrokerConfig,
            port: port);
        var deadline = DateTime.UtcNow + timeout;
        while (!await AcceptsConnectionsAsync(port))
        {
            if (broker.HasExited || DateTime.UtcNow >= deadline)
            {
                var why = broker.HasExited ? "stopped while starting" : $"did not listen on 127.0.0.1:{port} within {timeout.TotalSeconds:0} s";
                await broker.DisposeAsync();
                throw new DemoException($"Mosquitto {why}; the end of {paths.BrokerLog}:\n{ChildProcess.Tail(paths.BrokerLog, 10)}\n{broker.LogTail(5)}");
            }

            await Task.Delay(100);
        }

        return broker;
    }

    /// <summary>True when something accepts TCP connections on 127.0.0.1:<paramref name="port"/>.</summary>
    public static async Task<bool> AcceptsConnectionsAsync(int port)
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await probe.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), limit.Token);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return false;
        }
    }
}
