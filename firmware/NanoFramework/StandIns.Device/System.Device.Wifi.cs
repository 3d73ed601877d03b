// Declaration-only stand-in for nanoFramework.System.Device.Wifi 1.5.149 (Lockers.Firmware/packages.config), which
// the package source does not serve. Checked against nanoframework/System.Device.Wifi at tag v1.5.147 (commit
// 282a906, the newest in the snapshot read; 1.5.148-1.5.149 are not in it), files WifiReconnectionKind.cs and
// NetworkHelper/WifiNetworkHelper.cs. Declared: WifiReconnectionKind, and of WifiNetworkHelper every public member
// that needs no other System.Net type (no IPConfiguration overloads, no WifiAdapter). Bodies are placeholders.
namespace System.Device.Wifi
{
    /// <summary>WifiReconnectionKind.cs.</summary>
    public enum WifiReconnectionKind
    {
        Automatic,
        Manual,
    }
}

namespace nanoFramework.Networking
{
    using System;
    using System.Device.Wifi;
    using System.Threading;

    /// <summary>NetworkHelper/WifiNetworkHelper.cs (subset, see the header).</summary>
    public static class WifiNetworkHelper
    {
        public static ManualResetEvent NetworkReady => throw null;

        public static NetworkHelperStatus Status => throw null;

        public static Exception HelperException => throw null;

        public static void SetupNetworkHelper(bool requiresDateTime = false) => throw null;

        public static void SetupNetworkHelper(string ssid, string password, WifiReconnectionKind reconnectionKind = WifiReconnectionKind.Automatic, bool requiresDateTime = false) => throw null;

        public static bool ConnectDhcp(string ssid, string password, WifiReconnectionKind reconnectionKind = WifiReconnectionKind.Automatic,
            bool requiresDateTime = false, int wifiAdapterId = 0, CancellationToken token = default) => throw null;

        public static bool ScanAndConnectDhcp(string ssid, string password, WifiReconnectionKind reconnectionKind = WifiReconnectionKind.Automatic,
            bool requiresDateTime = false, int WifiAdapter = 0, CancellationToken token = default) => throw null;

        public static bool Reconnect(bool requiresDateTime = false, int wifiAdapterId = 0, CancellationToken token = default) => throw null;

        public static void Disconnect() => throw null;

        public static void Reset() => throw null;
    }
}
