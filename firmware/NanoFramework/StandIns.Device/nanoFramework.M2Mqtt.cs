// Declaration-only stand-in for nanoFramework.M2Mqtt 5.1.220 (Lockers.Firmware/packages.config; two assemblies,
// nanoFramework.M2Mqtt and nanoFramework.M2Mqtt.Core), which the package source does not serve. Checked against
// nanoframework/nanoFramework.m2mqtt, tag v5.1.220 (commit 8208787). Declared in full: Messages/MqttQoSLevel.cs,
// Messages/MqttReasonCode.cs, Messages/MqttMsgPublishEventArgs.cs, Messages/MqttMsgPublishedEventArgs.cs,
// MqttSslProtocols.cs and MqttProtocolVersion (in M2Mqtt/MqttClient.cs). Declared in part: IMqttClient.cs (only the
// three delegates the firmware uses; its members are left out so MqttClient need not implement the rest) and
// M2Mqtt/MqttClient.cs (constructors, IsConnected, ClientId, ProtocolVersion, the 10-argument Connect, Subscribe,
// every Publish, Disconnect, Close, Dispose and the three events the firmware uses). Bodies are placeholders.
namespace nanoFramework.M2Mqtt.Messages
{
    using System;

    /// <summary>Messages/MqttQoSLevel.cs.</summary>
    public enum MqttQoSLevel
    {
        AtMostOnce = 0x00,
        AtLeastOnce = 0x01,
        ExactlyOnce = 0x02,
        GrantedFailure = 0x80,
    }

    /// <summary>Messages/MqttReasonCode.cs: MQTT 5 reason codes plus the 3.1.1 CONNACK codes (several share a value).</summary>
    public enum MqttReasonCode
    {
        Success = 0x00,
        NormalDisconnection = 0x00,
        GrantedQoS0 = 0x00,
        GrantedQoS1 = 0x01,
        GrantedQoS2 = 0x02,
        DisconnectWithWillMessage = 0x04,
        NoMatchingSubscribers = 0x10,
        NoSubscriptionExisted = 0x11,
        ContinueAuthentication = 0x18,
        ReAuthenticate = 0x19,
        UnspecifiedError = 0x80,
        MalformedPacket = 0x81,
        ProtocolError = 0x82,
        ImplementationSpecificError = 0x83,
        UnsupportedProtocolVersion = 0x84,
        ClientIdentifierNotValid = 0x85,
        BadUserNameOrPassword = 0x86,
        NotAuthorized = 0x87,
        ServerUnavailable = 0x88,
        ServerBusy = 0x89,
        Banned = 0x8A,
        ServeShuttingDown = 0x8B,
        BadAuthenticationMethod = 0x8C,
        KeepAliveTimeout = 0x8D,
        SessionTakenOver = 0x8E,
        TopicFilterInvalid = 0x8F,
        TopicNameInvalid = 0x90,
        PacketIdentifierInUse = 0x91,
        PacketIdentifierNotFound = 0x92,
        ReceiveMaximumExceeded = 0x93,
        TopicAliasInvalid = 0x94,
        PacketTooLarge = 0x95,
        MessageRateTooHigh = 0x96,
        QuotaExceeded = 0x97,
        AdministrativeAction = 0x98,
        PayloadFormatInvalid = 0x99,
        RetainNotSupported = 0x9A,
        QoSNotSupported = 0x9B,
        UseAnotherServer = 0x9C,
        ServerMoved = 0x9D,
        SharedSubscriptionsNotSupported = 0x9E,
        ConnectionRateExceeded = 0x9F,
        MaximumConnectTime = 0xA0,
        SubscriptionIdentifiersNotSupported = 0xA1,
        WildcardSubscriptionsNotSupported = 0xA2,
        ConnectionRefusedUnacceptableProtocolVersion = 0x01,
        ConnectionRefusedIdentifierRejected = 0x02,
        ConnectionRefusedServerUnavailable = 0x03,
        ConnectionRefusedBadUserNameOrPassword = 0x04,
        ConnectionRefusedNotAuthorized = 0x05,
    }

    /// <summary>Messages/MqttMsgPublishEventArgs.cs.</summary>
    public class MqttMsgPublishEventArgs : EventArgs
    {
        public MqttMsgPublishEventArgs(string topic, byte[] message, bool dupFlag, MqttQoSLevel qosLevel, bool retain) => throw null;

        public string Topic
        {
            get => throw null;
            internal set => throw null;
        }

        public byte[] Message
        {
            get => throw null;
            internal set => throw null;
        }

        public bool DupFlag
        {
            get => throw null;
            internal set => throw null;
        }

        public MqttQoSLevel QosLevel
        {
            get => throw null;
            internal set => throw null;
        }

        public bool Retain
        {
            get => throw null;
            internal set => throw null;
        }
    }

    /// <summary>Messages/MqttMsgPublishedEventArgs.cs.</summary>
    public class MqttMsgPublishedEventArgs : EventArgs
    {
        public MqttMsgPublishedEventArgs(ushort messageId) => throw null;

        public MqttMsgPublishedEventArgs(ushort messageId, bool isPublished) => throw null;

        public ushort MessageId
        {
            get => throw null;
            set => throw null;
        }

        public bool IsPublished
        {
            get => throw null;
            set => throw null;
        }
    }
}

namespace nanoFramework.M2Mqtt
{
    using System;
    using System.Collections;
    using System.Security.Cryptography.X509Certificates;
    using nanoFramework.M2Mqtt.Messages;

    /// <summary>MqttSslProtocols.cs.</summary>
    public enum MqttSslProtocols
    {
        None,
        SSLv3,
        TLSv1_0,
        TLSv1_1,
        TLSv1_2,
        TLSv1_3,
    }

    /// <summary>M2Mqtt/MqttClient.cs.</summary>
    public enum MqttProtocolVersion
    {
        Version_3_1 = 0x03,
        Version_3_1_1 = 0x04,
        Version_5 = 0x05,
    }

    /// <summary>IMqttClient.cs (part: the delegates the firmware's handlers are typed with).</summary>
    public interface IMqttClient
    {
        public delegate void MqttMsgPublishEventHandler(object sender, MqttMsgPublishEventArgs e);

        public delegate void MqttMsgPublishedEventHandler(object sender, MqttMsgPublishedEventArgs e);

        public delegate void ConnectionClosedEventHandler(object sender, EventArgs e);
    }

    /// <summary>M2Mqtt/MqttClient.cs (part, see the header). No reconnect: after ConnectionClosed, create a new client.</summary>
    public class MqttClient : IMqttClient, IDisposable
    {
        public MqttClient(string brokerHostName) => throw null;

        public MqttClient(string brokerHostName, int brokerPort, bool secure, X509Certificate caCert, X509Certificate clientCert, MqttSslProtocols sslProtocol) => throw null;

        public event IMqttClient.MqttMsgPublishEventHandler MqttMsgPublishReceived
        {
            add => throw null;
            remove => throw null;
        }

        public event IMqttClient.MqttMsgPublishedEventHandler MqttMsgPublished
        {
            add => throw null;
            remove => throw null;
        }

        public event IMqttClient.ConnectionClosedEventHandler ConnectionClosed
        {
            add => throw null;
            remove => throw null;
        }

        public bool IsConnected
        {
            get => throw null;
            private set => throw null;
        }

        public string ClientId
        {
            get => throw null;
            private set => throw null;
        }

        public MqttProtocolVersion ProtocolVersion
        {
            get => throw null;
            set => throw null;
        }

        public MqttReasonCode Connect(string clientId, string username, string password, bool willRetain, MqttQoSLevel willQosLevel,
            bool willFlag, string willTopic, string willMessage, bool cleanSession, ushort keepAlivePeriod) => throw null;

        public ushort Subscribe(string[] topics, MqttQoSLevel[] qosLevels) => throw null;

        public ushort Publish(string topic, byte[] message) => throw null;

        public ushort Publish(string topic, byte[] message, string contentType) => throw null;

        public ushort Publish(string topic, byte[] message, string contentType, ArrayList userProperties) => throw null;

        public ushort Publish(string topic, byte[] message, string contentType, ArrayList userProperties, MqttQoSLevel qosLevel, bool retain) => throw null;

        public void Disconnect() => throw null;

        public void Close() => throw null;

        public void Dispose() => throw null;
    }
}
