using Lockers.Core.Commands;
using Lockers.Core.Ports;

namespace Lockers.Core.App
{
    /// <summary>Counts the controller's starts in storage, so the gateway can tell a reboot from a reconnect.</summary>
    public static class BootCounter
    {
        /// <summary>Storage key of the boot count (ASCII decimal).</summary>
        public const string Key = "boot.count";

        /// <summary>Reads the stored count, adds one, saves it and returns it (1 on the first start or after a corrupt value).</summary>
        public static long Increment(IStorage storage)
        {
            long count = 0;
            byte[] stored = storage.Read(Key);
            if (stored != null && StoredNumber.TryParse(stored, out long previous) && previous > 0)
            {
                count = previous;
            }

            count++;
            try
            {
                storage.Write(Key, StoredNumber.ToBytes(count));
            }
            catch (System.Exception)
            {
                // A full or broken flash must not keep the locker from starting; the count is informative.
            }

            return count;
        }
    }
}
