// Declaration-only stand-in for nanoFramework.Runtime.Native 1.7.11 (Lockers.Firmware/packages.config), which the
// package source does not serve. Checked against nanoframework/nanoFramework.Runtime.Native, tag v1.7.11 (commit
// e70ef69), folder nanoFramework.Runtime.Native/: GC.cs, Power.cs, RebootOption.cs and System/Environment.cs, every
// public member. Not declared: ExecutionConstraint, RTC, SystemInfo (unused here). Bodies are placeholders.
namespace nanoFramework.Runtime.Native
{
    /// <summary>GC.cs: Run returns the free managed memory in bytes.</summary>
    public static class GC
    {
        public static uint Run(bool compactHeap) => throw null;

        public static void EnableGCMessages(bool enable) => throw null;
    }

    /// <summary>RebootOption.cs.</summary>
    public enum RebootOption
    {
        NormalReboot = 0,
        EnterNanoBooter = 1,
        ClrOnly = 2,
        EnterProprietaryBooter = 8,
    }

    /// <summary>Power.cs.</summary>
    public delegate void RebootEventHandler();

    /// <summary>Power.cs.</summary>
    public class Power
    {
        public static event RebootEventHandler OnRebootEvent
        {
            add => throw null;
            remove => throw null;
        }

        public static void RebootDevice(RebootOption rebootOption = RebootOption.NormalReboot) => throw null;

        public static void RebootDevice(int exeConstraintTimeout, RebootOption rebootOption = RebootOption.NormalReboot) => throw null;
    }
}

namespace System
{
    /// <summary>System/Environment.cs: in Runtime.Native on nanoFramework (mscorlib has no Environment).</summary>
    public static class Environment
    {
        public static long TickCount64 => throw null;
    }
}
