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
            CancellationTokenSource timeout = new CancellationTokenSource(timeoutMs);
            bool ready = ssid == null
                ? WifiNetworkHelper.Reconnect(true, 0, timeout.Token)
                : WifiNetworkHelper.ConnectDhcp(ssid, password, WifiReconnectionKind.Automatic, true, 0, timeout.Token);
            if (!ready)
            {
                // Status is an enum; on nanoFramework its ToString() is the number (see NetworkHelperStatus).
                Debug.WriteLine("wifi: not ready, status " + WifiNetworkHelper.Status.ToString());
            }

            return ready;
        }
    }
}
