// Declaration-only stand-in for nanoFramework.System.Security.Cryptography 1.0.43 (the version in
// Lockers.Firmware/packages.config), which the package source does not serve. Checked against the published
// source: nanoframework/System.Security.Cryptography, tag v1.0.43 (commit 33c0dfe), folder
// System.Security.Cryptography/. Every public type and member of that assembly is declared here with its
// published signature, and nothing more; each type names its file. Bodies are placeholders: this assembly is
// compiled against, never run. There is no SHA256, HashAlgorithm, KeyedHashAlgorithm or
// CryptographicOperations on nanoFramework 1.x.
namespace System.Security.Cryptography
{
    /// <summary>v1.0.43 CipherMode.cs.</summary>
    public enum CipherMode
    {
        None = 0,
        CBC = 1,
        ECB = 2,
    }

    /// <summary>v1.0.43 Aes.cs (not IDisposable).</summary>
    public class Aes
    {
        public Aes(CipherMode mode) => throw null;

        public CipherMode Mode
        {
            get => throw null;
            set => throw null;
        }

        public byte[] Key
        {
            get => throw null;
            set => throw null;
        }

        public byte[] IV
        {
            get => throw null;
            set => throw null;
        }

        public void GenerateIV() => throw null;

        public byte[] Encrypt(byte[] data) => throw null;

        public byte[] Decrypt(byte[] data) => throw null;
    }

    /// <summary>v1.0.43 HMACSHA256.cs. Only ComputeHash(byte[]): no offset/count or stream overloads.</summary>
    public class HMACSHA256 : IDisposable
    {
        public HMACSHA256() => throw null;

        public HMACSHA256(byte[] key) => throw null;

        public byte[] Hash => throw null;

        public byte[] Key
        {
            get => throw null;
            set => throw null;
        }

        public static byte[] HashData(byte[] key, byte[] source) => throw null;

        public byte[] ComputeHash(byte[] buffer) => throw null;

        public void Dispose() => throw null;

        protected void Dispose(bool disposing) => throw null;
    }

    /// <summary>v1.0.43 HMACSHA512.cs (the same shape as HMACSHA256).</summary>
    public class HMACSHA512 : IDisposable
    {
        public HMACSHA512() => throw null;

        public HMACSHA512(byte[] key) => throw null;

        public byte[] Hash => throw null;

        public byte[] Key
        {
            get => throw null;
            set => throw null;
        }

        public static byte[] HashData(byte[] key, byte[] source) => throw null;

        public byte[] ComputeHash(byte[] buffer) => throw null;

        public void Dispose() => throw null;

        protected void Dispose(bool disposing) => throw null;
    }
}
