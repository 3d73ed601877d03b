// Declaration-only stand-in for nanoFramework.System.Net 1.11.60 (Lockers.Firmware/packages.config), which the
// package source does not serve. Checked against nanoframework/System.Net at tag v1.11.54 (commit 713b02c, the
// newest in the snapshot read; 1.11.55-1.11.60 are not in it), folder nanoFramework.System.Net/: the two types the
// firmware uses, X509Certificates/X509Certificate.cs (every public member; its protected fields are left out) and NetworkHelper/NetworkHelperStatus.cs
// (all nine members; Reconnecting was added in v1.11.52). Bodies are placeholders: compiled against, never run.
namespace nanoFramework.Networking
{
    /// <summary>NetworkHelper/NetworkHelperStatus.cs. Enum.ToString() prints the ordinal on the device: name it yourself.</summary>
    public enum NetworkHelperStatus
    {
        None,
        Started,
        NetworkIsReady,
        FailedNoNetworkInterface,
        TokenExpiredWaitingIPAddress,
        TokenExpiredWaitingDateTime,
        ErrorConnetingToWiFiWhileScanning,
        ExceptionOccurred,
        Reconnecting,
    }
}

namespace System.Security.Cryptography.X509Certificates
{
    /// <summary>
    /// X509Certificates/X509Certificate.cs. The string constructor takes the certificate itself (PEM text), not a
    /// file name as on .NET.
    /// </summary>
    public class X509Certificate
    {
        public X509Certificate() => throw null;

        public X509Certificate(byte[] certificate) => throw null;

        public X509Certificate(string certificate) => throw null;

        public virtual string Issuer => throw null;

        public virtual string Subject => throw null;

        public virtual DateTime GetEffectiveDate() => throw null;

        public virtual DateTime GetExpirationDate() => throw null;

        public virtual byte[] GetRawCertData() => throw null;
    }

    /// <summary>
    /// X509Certificates/X509Certificate2.cs, read at commit 134e53e (the snapshot the search index holds; it could not
    /// be matched to a tag). Every public member. The (string, string, string) constructor takes the PEM certificate
    /// TEXT, the PEM private key and a password (null when unencrypted): the device's client certificate (ADR 0204).
    /// </summary>
    public class X509Certificate2 : X509Certificate
    {
        public X509Certificate2() => throw null;

        public X509Certificate2(byte[] rawData) => throw null;

        public X509Certificate2(byte[] rawData, string password) => throw null;

        public X509Certificate2(string certificate) => throw null;

        public X509Certificate2(string certificate, string password) => throw null;

        public X509Certificate2(string rawData, string key, string password) => throw null;

        public X509Certificate2(byte[] rawData, string key, string password) => throw null;

        public X509Certificate2(byte[] rawData, byte[] key, string password) => throw null;

        public bool HasPrivateKey => throw null;

        public byte[] PrivateKey => throw null;

        public byte[] PublicKey => throw null;

        public DateTime NotAfter => throw null;

        public DateTime NotBefore => throw null;

        public byte[] RawData => throw null;
    }
}
