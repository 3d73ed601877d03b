using System;
using Lockers.Core.Ports;
using Lockers.Core.Protocol;

namespace Lockers.Core.Journal
{
    /// <summary>
    /// Picks a new epoch: 64 bits from <see cref="Random"/>, mixed with the clock so that two boards (or two boots) that
    /// seed their generator alike still differ. An epoch needs to be unique for one locker, not secret: the gateway
    /// compares it, nobody has to guess it. 64 bits make two epochs of one locker colliding negligible (about 2^-64 per pair).
    /// </summary>
    internal static class EpochSource
    {
        public static string New(IClock clock)
        {
            var bytes = new byte[8];
            new Random().NextBytes(bytes);
            long mix = clock.UptimeMs ^ (clock.HasWallTime ? UnixTime.ToUnixMs(clock.UtcNow) << 16 : 0);
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] ^= (byte)(mix >> (8 * i));
            }

            return Epochs.FromBytes(bytes);
        }
    }
}
