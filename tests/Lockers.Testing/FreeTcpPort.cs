using System.Net;
using System.Net.Sockets;

namespace Lockers.Testing;

/// <summary>Finds a loopback TCP port nobody listens on, by letting the OS pick one for a throw-away socket.</summary>
public static class FreeTcpPort
{
    /// <summary>A port that was free a moment ago on 127.0.0.1. (Another process could take it before you do; that is rare.)</summary>
    public static int Find()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    /// <summary>True when something accepts TCP connections on 127.0.0.1:<paramref name="port"/>.</summary>
    public static async Task<bool> AcceptsConnectionsAsync(int port, CancellationToken cancellationToken = default)
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await probe.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
