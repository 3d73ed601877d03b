namespace Lockers.Core.Commands
{
    /// <summary>Comparisons whose duration does not depend on where the inputs differ.</summary>
    public static class FixedTime
    {
        /// <summary>
        /// True when both arrays hold the same bytes. Every byte is visited even after a difference, so
        /// the time taken leaks only the length (which is public: a signature is always 32 bytes).
        /// </summary>
        public static bool AreEqual(byte[] left, byte[] right)
        {
            if (left == null || right == null || left.Length != right.Length)
            {
                return false;
            }

            int difference = 0;
            for (int i = 0; i < left.Length; i++)
            {
                difference |= left[i] ^ right[i];
            }

            return difference == 0;
        }
    }
}
