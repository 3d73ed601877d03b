using System;
using System.Collections;
using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using Lockers.Core.Ports;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;

namespace Lockers.Firmware.Net
{
    /// <summary>
    /// <see cref="IMqttLink"/> over nanoFramework.M2Mqtt (MQTT 3.1.1). M2Mqtt does not reconnect, so a thread of
    /// this class connects a NEW MqttClient whenever the previous one closed, backing off from 1 s to 60 s.
    /// Every connection carries the retained last will (status "offline", QoS 1). The application publishes the
    /// birth and subscribes again on each <see cref="StateChanged"/>(true), as LockerController does; a birth
    /// payload given here is published first, for applications that do not.
    /// </summary>
    public sealed class M2MqttLink : IMqttLink
    {
        private const int MaxBackoffMs = 60000;

        private readonly object _sync = new object();
        private readonly AutoResetEvent _wake = new AutoResetEvent(false);
        private readonly Hashtable _pendingAcks = new Hashtable();
        private readonly string _host;
        private readonly int _port;
        private readonly bool _tls;
        private readonly X509Certificate _caCert;
        private readonly X509Certificate2 _clientCert;
        private readonly string _clientId;
        private readonly string _username;
        private readonly string _password;
        private readonly ushort _keepAliveS;
        private readonly string _statusTopic;
        private readonly string _willMessage;
        private readonly byte[] _birthPayload;
        private MqttClient _client;
        private bool _connected;

        /// <summary>
        /// Describes the connection; nothing happens before <see cref="Start"/>. <paramref name="caCert"/> may be
        /// null with TLS: the device's stored CA certificate is then used. <paramref name="clientCert"/> (with its private
        /// key) is the locker's broker identity when the broker requires client certificates; null for a password login. <paramref name="willMessage"/> is the
        /// "offline" status JSON for <paramref name="statusTopic"/>; <paramref name="birthPayload"/> may be null.
        /// <paramref name="keepAliveS"/> is the MQTT keep-alive (the device config's heartbeatS).
        /// </summary>
        public M2MqttLink(
            string host, int port, bool tls, X509Certificate caCert, X509Certificate2 clientCert, string clientId, string username, string password,
            int keepAliveS, string statusTopic, string willMessage, byte[] birthPayload)
        {
            _host = host;
            _port = port;
            _tls = tls;
            _caCert = caCert;
            _clientCert = clientCert;
            _clientId = clientId;
            _username = username;
            _password = password;
            _keepAliveS = (ushort)keepAliveS;
            _statusTopic = statusTopic;
            _willMessage = willMessage;
            _birthPayload = birthPayload;
        }

        /// <inheritdoc/>
        public event MqttMessageHandler MessageReceived;

        /// <inheritdoc/>
        public event MqttPublishAckedHandler PublishAcked;

        /// <inheritdoc/>
        public event MqttLinkStateHandler StateChanged;

        /// <inheritdoc/>
        public bool IsConnected
        {
            get
            {
                lock (_sync)
                {
                    return _connected && _client.IsConnected;
                }
            }
        }

        /// <summary>Starts the connection thread; it runs for the life of the device.</summary>
        public void Start()
        {
            new Thread(ConnectLoop).Start();
        }

        /// <inheritdoc/>
        public int Publish(string topic, byte[] payload, int qos, bool retain)
        {
            // Held across Publish so a fast PUBACK cannot be dispatched before its id is registered.
            lock (_sync)
            {
                if (!_connected)
                {
                    return -1;
                }

                try
                {
                    ushort id = _client.Publish(topic, payload, null, null, ToQos(qos), retain);
                    if (qos > 0)
                    {
                        _pendingAcks[(int)id] = _client;
                    }

                    return id;
                }
                catch (Exception e)
                {
                    // Inflight queue full or socket gone: the caller keeps the message.
                    Debug.WriteLine("mqtt: publish failed: " + e.Message);
                    return -1;
                }
            }
        }

        /// <inheritdoc/>
        public bool Subscribe(string topicFilter, int qos)
        {
            lock (_sync)
            {
                if (!_connected)
                {
                    return false;
                }

                try
                {
                    _client.Subscribe(new string[] { topicFilter }, new MqttQoSLevel[] { ToQos(qos) });
                    return true;
                }
                catch (Exception)
                {
                    return false;
                }
            }
        }

        private static MqttQoSLevel ToQos(int qos)
        {
            return qos <= 0 ? MqttQoSLevel.AtMostOnce : qos == 1 ? MqttQoSLevel.AtLeastOnce : MqttQoSLevel.ExactlyOnce;
        }

        private void ConnectLoop()
        {
            int backoffMs = 1000;
            while (true)
            {
                if (!IsConnected)
                {
                    bool up = TryConnect();
                    backoffMs = up ? 1000 : (backoffMs * 2 > MaxBackoffMs ? MaxBackoffMs : backoffMs * 2);
                }

                // Woken by ConnectionClosed; also re-checks every 5 s in case a client died without saying so.
                _wake.WaitOne(IsConnected ? 5000 : backoffMs, false);
            }
        }

        private bool TryConnect()
        {
            DropClient();
            MqttClient client = null;
            try
            {
                // The constructor already resolves the host name (DNS), so it sits inside the try.
                client = _tls
                    ? new MqttClient(_host, _port, true, _caCert, _clientCert, MqttSslProtocols.TLSv1_2)
                    : new MqttClient(_host, _port, false, null, null, MqttSslProtocols.None);
                client.MqttMsgPublishReceived += OnMessage;
                client.MqttMsgPublished += OnPublished;
                client.ConnectionClosed += OnClosed;
                MqttReasonCode code = client.Connect(
                    _clientId, _username, _password, true, MqttQoSLevel.AtLeastOnce, true, _statusTopic, _willMessage, true, _keepAliveS);
                if (code != MqttReasonCode.Success)
                {
                    Debug.WriteLine("mqtt: connect refused, code " + ((int)code).ToString());
                    Close(client);
                    return false;
                }
            }
            catch (Exception e)
            {
                Debug.WriteLine("mqtt: connect failed: " + e.Message);
                Close(client);
                return false;
            }

            lock (_sync)
            {
                _client = client;
                _connected = true;
                _pendingAcks.Clear();
                try
                {
                    if (_birthPayload != null)
                    {
                        client.Publish(_statusTopic, _birthPayload, null, null, MqttQoSLevel.AtLeastOnce, true);
                    }
                }
                catch (Exception e)
                {
                    // The connection died at once; ConnectionClosed or the next loop turn replaces the client.
                    Debug.WriteLine("mqtt: birth failed: " + e.Message);
                }
            }

            RaiseState(true);
            return true;
        }

        private void DropClient()
        {
            MqttClient old;
            bool wasConnected;
            lock (_sync)
            {
                old = _client;
                wasConnected = _connected;
                _client = null;
                _connected = false;
            }

            Close(old);
            if (wasConnected)
            {
                // The client died without ConnectionClosed (seen as IsConnected turning false).
                RaiseState(false);
            }
        }

        private void RaiseState(bool connected)
        {
            MqttLinkStateHandler handler = StateChanged;
            if (handler != null)
            {
                handler(connected);
            }
        }

        private void Close(MqttClient client)
        {
            if (client == null)
            {
                return;
            }

            client.MqttMsgPublishReceived -= OnMessage;
            client.MqttMsgPublished -= OnPublished;
            client.ConnectionClosed -= OnClosed;
            try
            {
                client.Dispose();
            }
            catch (Exception)
            {
                // Already closed by the peer.
            }
        }

        private void OnMessage(object sender, MqttMsgPublishEventArgs e)
        {
            MqttMessageHandler handler = MessageReceived;
            if (handler != null)
            {
                handler(e.Topic, e.Message);
            }
        }

        private void OnPublished(object sender, MqttMsgPublishedEventArgs e)
        {
            lock (_sync)
            {
                // Only QoS 1 ids of the current client: a new client restarts its ids at 1.
                if (!e.IsPublished || _pendingAcks[(int)e.MessageId] != sender)
                {
                    return;
                }

                _pendingAcks.Remove((int)e.MessageId);
            }

            MqttPublishAckedHandler handler = PublishAcked;
            if (handler != null)
            {
                handler(e.MessageId);
            }
        }

        private void OnClosed(object sender, EventArgs e)
        {
            lock (_sync)
            {
                if (sender != _client || !_connected)
                {
                    return;
                }

                _connected = false;
            }

            RaiseState(false);
            _wake.Set();
        }
    }
}
