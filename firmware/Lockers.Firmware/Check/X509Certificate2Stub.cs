// nanoframework/System.Net: nanoFramework.System.Net/X509Certificates/X509Certificate2.cs. Its constructor taking the PEM
// certificate TEXT, the PEM private key and a password has no .NET counterpart (.NET's take file names), so the compile
// check declares it; this source type wins over .NET's (CS0436, allowed in the csproj for this one type).
#pragma warning disable CS0436
namespace System.Security.Cryptography.X509Certificates
{
    public class X509Certificate2 : X509Certificate
    {
        public X509Certificate2(string rawData, string key, string password) { }
    }
}
