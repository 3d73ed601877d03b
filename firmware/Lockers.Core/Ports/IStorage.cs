namespace Lockers.Core.Ports
{
    /// <summary>
    /// Small persistent key/value storage (flash files on the device, a folder in the simulator).
    /// Keys are short names of letters, digits, '-', '_' and '.'; a key may hold at most a few KB.
    /// </summary>
    public interface IStorage
    {
        /// <summary>The stored bytes, or null when the key does not exist.</summary>
        byte[] Read(string key);

        /// <summary>Replaces the value atomically: after a power cut the old or the new value is there, never a mix.</summary>
        void Write(string key, byte[] data);

        /// <summary>Removes the key; no error when it does not exist.</summary>
        void Delete(string key);

        /// <summary>Every key that starts with <paramref name="prefix"/>, in no particular order.</summary>
        string[] List(string prefix);
    }
}
