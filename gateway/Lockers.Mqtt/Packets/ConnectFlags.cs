namespace Lockers.Mqtt.Packets;

/// <summary>Bits of the CONNECT flags byte (spec 3.1.2.3).</summary>
internal static class ConnectFlags
{
    public const int Reserved = 0x01;
    public const int CleanSession = 0x02;
    public const int Will = 0x04;
    public const int WillQosMask = 0x18;
    public const int WillQosShift = 3;
    public const int WillRetain = 0x20;
    public const int Password = 0x40;
    public const int UserName = 0x80;
}
