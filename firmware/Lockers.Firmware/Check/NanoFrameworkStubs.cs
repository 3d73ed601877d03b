// Declarations (no behaviour) of the nanoFramework 1.x APIs that Lockers.Firmware calls, so the device sources
// compile on .NET. Each block names the source its signatures were checked against; keep them in step.
// Types .NET itself provides (File, Directory, FileStream, Timer, Thread, X509Certificate, Environment.TickCount64,
// Console, Debug, CancellationTokenSource) are not stubbed.
#pragma warning disable CS0067 // events are declared, never raised
using System;
using System.Collections;
using System.Security.Cryptography.X509Certificates;
using System.Threading;

// nanoframework/System.Device.Gpio: GpioController.cs, PinMode.cs, PinValue.cs, PinEventTypes
namespace System.Device.Gpio
{
    public enum PinMode { Input, InputPullDown, InputPullUp, Output, OutputOpenDrain, OutputOpenDrainPullUp, OutputOpenSource, OutputOpenSourcePullDown }

    [Flags]
    public enum PinEventTypes { None = 0, Rising = 1, Falling = 2 }

    public readonly struct PinValue : IEquatable<PinValue>
    {
        private readonly byte _value;
        private PinValue(byte value) => _value = value;
        public static PinValue Low => new PinValue(0);
        public static PinValue High => new PinValue(1);
        public static bool operator ==(PinValue a, PinValue b) => a._value == b._value;
        public static bool operator !=(PinValue a, PinValue b) => a._value != b._value;
        public bool Equals(PinValue other) => other._value == _value;
        public override bool Equals(object obj) => obj is PinValue other && Equals(other);
        public override int GetHashCode() => _value;
    }

    public sealed class GpioPin
    {
    }

    public sealed class GpioController : IDisposable
    {
        public GpioPin OpenPin(int pinNumber) => throw new NotSupportedException();
        public GpioPin OpenPin(int pinNumber, PinMode mode) => throw new NotSupportedException();
        public bool IsPinModeSupported(int pinNumber, PinMode mode) => throw new NotSupportedException();
        public PinValue Read(int pinNumber) => throw new NotSupportedException();
        public void Write(int pinNumber, PinValue value) => throw new NotSupportedException();
        public void Dispose() { }
    }
}

// nanoframework/System.Device.I2c: I2cDevice.cs, I2cConnectionSettings.cs, I2cBusSpeed
namespace System.Device.I2c
{
    public enum I2cBusSpeed { StandardMode, FastMode, FastModePlus }

    public sealed class I2cConnectionSettings
    {
        public I2cConnectionSettings(int busId, int deviceAddress) { }
        public I2cConnectionSettings(int busId, int deviceAddress, I2cBusSpeed busSpeed) { }
    }

    public class I2cDevice : IDisposable
    {
        public I2cDevice(I2cConnectionSettings settings) { }
        public void Dispose() { }
    }
}

// nanoframework/nanoFramework.IoT.Device: devices/Mcp23xxx/{Mcp23017,Mcp23x1x,Register,Port}.cs
namespace Iot.Device.Mcp23xxx
{
    public enum Register { IODIR = 0, IPOL, GPINTEN, DEFVAL, INTCON, IOCON, GPPU, INTF, INTCAP, GPIO = 9, OLAT = 0x0a }

    public enum Port { PortA, PortB }

    public class Mcp23017
    {
        public Mcp23017(System.Device.I2c.I2cDevice i2cDevice, int reset = -1, int interruptA = -1, int interruptB = -1,
            System.Device.Gpio.GpioController masterController = null, bool shouldDispose = true) { }
        public byte ReadByte(Register register, Port port) => throw new NotSupportedException();
        public void WriteByte(Register register, byte value, Port port) => throw new NotSupportedException();
        public ushort ReadUInt16(Register register) => throw new NotSupportedException();
    }
}

// nanoframework/nanoFramework.IoT.Device: devices/KeyMatrix/{KeyMatrix,KeyMatrixEvent}.cs
namespace Iot.Device.KeyMatrix
{
    public class KeyMatrixEvent
    {
        public System.Device.Gpio.PinEventTypes EventType { get; internal set; }
        public int Output { get; internal set; }
        public int Input { get; internal set; }
    }

    public class KeyMatrix : IDisposable
    {
        public KeyMatrix(int[] outputPins, int[] inputPins, TimeSpan scanInterval, System.Device.Gpio.GpioController gpioController = null, bool shouldDispose = true) { }
        public delegate void KeyEventHandler(object sender, KeyMatrixEvent keyMatrixEvent);
        public event KeyEventHandler KeyEvent;
        public void StartListeningKeyEvent() { }
        public void Dispose() { }
    }
}

// nanoframework/System.IO.Ports: SerialPort.cs, SerialData.cs, SerialDataReceivedEventArgs.cs, SerialDataReceivedEventHandler.cs
namespace System.IO.Ports
{
    public enum SerialData { Chars = 1, WatchChar = 2 }

    public class SerialDataReceivedEventArgs : EventArgs
    {
        public SerialData EventType { get; }
    }

    public delegate void SerialDataReceivedEventHandler(object sender, SerialDataReceivedEventArgs e);

    public sealed class SerialPort : IDisposable
    {
        public SerialPort(string portName, int baudRate = 9600) { }
        public int ReadTimeout { get; set; }
        public char WatchChar { get => throw new NotSupportedException(); set { } }
        public int BytesToRead => throw new NotSupportedException();
        public event SerialDataReceivedEventHandler DataReceived;
        public void Open() { }
        public int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public void Dispose() { }
    }
}

// nanoframework/System.Device.Pwm: PwmChannel.cs
namespace System.Device.Pwm
{
    public sealed class PwmChannel : IDisposable
    {
        public static PwmChannel CreateFromPin(int pin, int frequency = 400, double dutyCyclePercentage = 0.5) => throw new NotSupportedException();
        public void Start() { }
        public void Stop() { }
        public void Dispose() { }
    }
}

// nanoframework/nanoFramework.Hardware.Esp32: Configuration.cs, DeviceTypePins.cs (DeviceFunction; only the members used)
namespace nanoFramework.Hardware.Esp32
{
    public enum DeviceFunction { I2C1_DATA, I2C1_CLOCK, I2C2_DATA, I2C2_CLOCK, COM2_TX, COM2_RX, COM3_TX, COM3_RX, PWM1 }

    public class Configuration
    {
        public static void SetPinFunction(int pin, DeviceFunction value) { }
    }
}

// nanoframework/nanoFramework.Runtime.Native: GC.cs, Power.cs
namespace nanoFramework.Runtime.Native
{
    public static class GC
    {
        public static uint Run(bool compactHeap) => throw new NotSupportedException();
    }

    public class Power
    {
        public static void RebootDevice() { }
    }
}

// nanoframework/System.Device.Wifi: WifiReconnectionKind.cs, NetworkHelper/WifiNetworkHelper.cs; NetworkHelperStatus (System.Net)
namespace System.Device.Wifi
{
    public enum WifiReconnectionKind { Automatic, Manual }
}

namespace nanoFramework.Networking
{
    public enum NetworkHelperStatus { None, NetworkIsReady, TokenExpiredWaitingIPAddress, TokenExpiredWaitingDateTime, ExceptionOccurred }

    public static class WifiNetworkHelper
    {
        public static NetworkHelperStatus Status => throw new NotSupportedException();

        public static bool ConnectDhcp(string ssid, string password, System.Device.Wifi.WifiReconnectionKind reconnectionKind = System.Device.Wifi.WifiReconnectionKind.Automatic,
            bool requiresDateTime = false, int wifiAdapterId = 0, CancellationToken token = default) => throw new NotSupportedException();

        public static bool Reconnect(bool requiresDateTime = false, int wifiAdapterId = 0, CancellationToken token = default) => throw new NotSupportedException();
    }
}

// nanoframework/nanoFramework.m2mqtt: nanoFramework.M2Mqtt.Core (IMqttClient, Messages/*EventArgs, MqttQoSLevel, MqttReasonCode,
// MqttSslProtocols) and M2Mqtt/MqttClient.cs
namespace nanoFramework.M2Mqtt.Messages
{
    public enum MqttQoSLevel : byte { AtMostOnce = 0x00, AtLeastOnce = 0x01, ExactlyOnce = 0x02, GrantedFailure = 0x80 }

    public enum MqttReasonCode : byte { Success = 0x00 }

    public class MqttMsgPublishEventArgs : EventArgs
    {
        public string Topic { get; internal set; }
        public byte[] Message { get; internal set; }
    }

    public class MqttMsgPublishedEventArgs : EventArgs
    {
        public ushort MessageId { get; set; }
        public bool IsPublished { get; set; }
    }
}

namespace nanoFramework.M2Mqtt
{
    using nanoFramework.M2Mqtt.Messages;

    public enum MqttSslProtocols { None, SSLv3, TLSv1_0, TLSv1_1, TLSv1_2, TLSv1_3 }

    public interface IMqttClient
    {
        public delegate void MqttMsgPublishEventHandler(object sender, MqttMsgPublishEventArgs e);
        public delegate void MqttMsgPublishedEventHandler(object sender, MqttMsgPublishedEventArgs e);
        public delegate void ConnectionClosedEventHandler(object sender, EventArgs e);
    }

    public class MqttClient : IMqttClient, IDisposable
    {
        public MqttClient(string brokerHostName, int brokerPort, bool secure, X509Certificate caCert, X509Certificate clientCert, MqttSslProtocols sslProtocol) { }
        public event IMqttClient.MqttMsgPublishEventHandler MqttMsgPublishReceived;
        public event IMqttClient.MqttMsgPublishedEventHandler MqttMsgPublished;
        public event IMqttClient.ConnectionClosedEventHandler ConnectionClosed;
        public bool IsConnected { get; private set; }

        public MqttReasonCode Connect(string clientId, string username, string password, bool willRetain, MqttQoSLevel willQosLevel,
            bool willFlag, string willTopic, string willMessage, bool cleanSession, ushort keepAlivePeriod) => throw new NotSupportedException();

        public ushort Subscribe(string[] topics, MqttQoSLevel[] qosLevels) => throw new NotSupportedException();

        public ushort Publish(string topic, byte[] message, string contentType, ArrayList userProperties, MqttQoSLevel qosLevel, bool retain) => throw new NotSupportedException();

        public void Dispose() { }
    }
}
