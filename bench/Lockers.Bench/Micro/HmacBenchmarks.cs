using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;

namespace Lockers.Bench.Micro;

/// <summary>
/// Raw HMAC-SHA256 with a 32-byte key. CanonicalInput is a signed unlock's canonical text (what the locker hashes);
/// CodeInput has the shape the gateway hashes to check a typed code (site, LF, code; see
/// gateway/Lockers.Gateway/Codes/CodeHasher.cs), compared in fixed time as the gateway does.
/// </summary>
[MemoryDiagnoser]
public class HmacBenchmarks
{
    private byte[] _key = null!;
    private byte[] _canonical = null!;
    private byte[] _storedCodeHash = null!;

    [GlobalSetup]
    public void Setup()
    {
        _key = MicroSamples.Key;
        _canonical = MicroSamples.Unlock().CanonicalBytes();
        _storedCodeHash = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes("site-1\n482913"));
    }

    [Benchmark(Baseline = true)]
    public byte[] StaticHashData() => HMACSHA256.HashData(_key, _canonical);

    [Benchmark]
    public byte[] NewInstanceComputeHash()
    {
        using var hmac = new HMACSHA256(_key);
        return hmac.ComputeHash(_canonical);
    }

    [Benchmark]
    public bool GatewayCodeCheck() =>
        CryptographicOperations.FixedTimeEquals(_storedCodeHash, HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes("site-1" + "\n" + "482913")));
}
