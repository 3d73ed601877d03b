using System.Device.Wifi;
using System.Diagnostics;
using System.Threading;
using nanoFramework.Networking;

namespace Lockers.Firmware.Net
{
    /// <summary>
    /// Joins Wi-Fi with DHCP and waits for SNTP (TLS and command expiry need wall time). Automatic reconnection
    /// is left to the native Wi-Fi driver; the MQTT link simply retries until the network is back.
    /// </summary>
    public static class WifiConnector
    {
        /// <summary>
        /// Connects to <paramref name="ssid"/>, or, when it is null, to the network already stored on the device.
        /// Returns false when the network (or the time) was not ready within <paramref name="timeoutMs"/>;
        /// the locker then runs offline and the native driver keeps trying.
        /// </summary>
        public static bool Connect(string ssid, string password, int timeoutMs)
        {
            bool ready;
            using (CancellationTokenSource timeout = new CancellationTokenSource(timeoutMs))
            {
                ready = ssid == null
                    ? WifiNetworkHelper.Reconnect(true, 0, timeout.Token)
                    : WifiNetworkHelper.ConnectDhcp(ssid, password, WifiReconnectionKind.Automatic, true, 0, timeout.Token);
            }

            if (!ready)
            {
                Debug.WriteLine("wifi: not ready, status " + StatusName(WifiNetworkHelper.Status));
                if (WifiNetworkHelper.HelperException != null)
                {
                    Debug.WriteLine("wifi: " + WifiNetworkHelper.HelperException.Message);
                }
            }

            return ready;
        }

        /// <summary>
        /// The status by name: Enum.ToString() prints the ordinal on nanoFramework, and the ordinals changed when
        /// System.Net 1.11.52 added Reconnecting (nine members in the pinned version).
        /// </summary>
        public static string StatusName(NetworkHelperStatus status)
        {
            switch (status)
            {
                case NetworkHelperStatus.None: return "none";
                case NetworkHelperStatus.Started: return "started";
                case NetworkHelperStatus.NetworkIsReady: return "network ready";
                case NetworkHelperStatus.FailedNoNetworkInterface: return "no network interface";
                case NetworkHelperStatus.TokenExpiredWaitingIPAddress: return "timed out waiting for an IP address";
                case NetworkHelperStatus.TokenExpiredWaitingDateTime: return "timed out waiting for the time (SNTP)";
                case NetworkHelperStatus.ErrorConnetingToWiFiWhileScanning: return "could not join while scanning";
                case NetworkHelperStatus.ExceptionOccurred: return "exception";
                case NetworkHelperStatus.Reconnecting: return "reconnecting";
                default: return "unknown (" + ((int)status).ToString() + ")";
            }
        }
    }
}
