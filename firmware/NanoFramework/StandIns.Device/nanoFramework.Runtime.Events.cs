// Declaration-only stand-in for nanoFramework.Runtime.Events 1.11.39 (Lockers.Firmware/packages.config), which the
// package source does not serve. Checked against nanoframework/nanoFramework.Runtime.Events at commit ec7a0a0 (the
// newest in the snapshot read; tag v1.11.37 plus a dependency update, BaseEvent.cs unchanged), file
// nanoFramework.Runtime.Events/BaseEvent.cs. Only BaseEvent, the base of System.Device.Gpio's event arguments.
namespace nanoFramework.Runtime.Events
{
    /// <summary>BaseEvent.cs: two public fields.</summary>
    public class BaseEvent
    {
        public ushort Source;

        public byte Message;
    }
}
