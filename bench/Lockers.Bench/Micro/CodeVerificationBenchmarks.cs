using BenchmarkDotNet.Attributes;
using Lockers.Gateway.Codes;
using Lockers.Gateway.Store;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Lockers.Bench.Micro;

/// <summary>
/// The gateway's own code check (gateway/Lockers.Gateway/Codes/CodeHasher), not a copy of it: the PIN's HMAC-SHA256
/// under the key derived from the pepper (site, LF, code), compared in fixed time with the stored hash, for a right and
/// a wrong PIN (the same work: one uniform answer). Also the QR token's derivation, done once per deposit.
/// </summary>
[MemoryDiagnoser]
public class CodeVerificationBenchmarks
{
    private const string Site = "bench-site-0001";
    private CodeHasher _hasher = null!;
    private byte[] _stored = null!;

    [GlobalSetup]
    public void Setup()
    {
        var secrets = new CodeSecrets(Options.Create(new CodesOptions { Pepper = "micro-pepper-0123456789abcdefghijklmnopqrstuvwxyz" }),
            Options.Create(new StoreOptions()), NullLogger<CodeSecrets>.Instance);
        _hasher = new CodeHasher(secrets);
        _stored = _hasher.HashCode(Site, "482913");
    }

    [Benchmark(Baseline = true)]
    public byte[] HashPin() => _hasher.HashCode(Site, "482913");

    [Benchmark]
    public bool VerifyRightPin() => CodeHasher.Matches(_stored, _hasher.HashCode(Site, "482913"));

    [Benchmark]
    public bool VerifyWrongPin() => CodeHasher.Matches(_stored, _hasher.HashCode(Site, "482914"));

    [Benchmark]
    public string QrTokenFor() => _hasher.QrTokenFor("an-access-token-of-22ch");
}
