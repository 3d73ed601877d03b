using Lockers.Core.Commands;
using Lockers.Core.Protocol;

namespace Lockers.Bench.Micro;

/// <summary>The typical payloads the micro-benchmarks work on: what a pickup sends and receives.</summary>
internal static class MicroSamples
{
    public const string LockerId = "lk-000042";

    /// <summary>A locker's 32-byte command key.</summary>
    public static byte[] Key { get; } = Enumerable.Range(1, 32).Select(i => (byte)(i * 7)).ToArray();

    /// <summary>An unsigned unlock command (counter 4242, compartment 17, expiring in 2033).</summary>
    public static SignedCommand Unlock() =>
        SignedCommand.Unlock(LockerId, "cmd-00004242", 4242, 2_000_000_000, 17);

    /// <summary>The unlock, signed, as JSON on the cmd topic (about 170 bytes).</summary>
    public static byte[] SignedUnlockJson() => new CommandSigner(Key).SignToJson(Unlock());

    /// <summary>A stamped code_entered event (about 130 bytes of JSON).</summary>
    public static LockerEvent CodeEntered()
    {
        var e = LockerEvent.CodeEntered(CodeSources.Keypad, "kp-1", "482913");
        e.Seq = 123_456;
        e.UptimeMs = 86_400_123;
        e.UnixMs = 1_795_000_000_123;
        return e;
    }
}
