using Lockers.Core.Commands;

namespace Lockers.Core.Tests.Commands;

/// <summary>The key and command of the worked example in docs/protocol.md.</summary>
internal static class CommandTestData
{
    public const string LockerId = "demo-1";

    /// <summary>2026-01-01T00:00:00Z: the fake clock's wall time in these tests.</summary>
    public static readonly DateTime Now = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public const long NowUnixSeconds = 1767225600;

    /// <summary>The example key: bytes 0x00, 0x01, ... 0x1f.</summary>
    public static byte[] Key()
    {
        var key = new byte[32];
        for (int i = 0; i < key.Length; i++)
        {
            key[i] = (byte)i;
        }

        return key;
    }

    /// <summary>The example: an unlock answering code entry 7000001 (the first entry of boot 7).</summary>
    public static SignedCommand ExampleUnlock()
    {
        var command = SignedCommand.Unlock(LockerId, "c-42", 42, NowUnixSeconds + 60, 3);
        command.Entry = 7000001;
        return command;
    }
}
