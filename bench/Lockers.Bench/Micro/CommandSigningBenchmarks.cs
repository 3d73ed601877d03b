using BenchmarkDotNet.Attributes;
using Lockers.Bench.Firmware;
using Lockers.Core.Commands;

namespace Lockers.Bench.Micro;

/// <summary>
/// Signing a command (the gateway) and verifying one (the locker). An accepted command raises the stored
/// counter, so a repeated Verify is refused as a replay: that happens after the parse and the HMAC check,
/// which is the whole cost except one counter write.
/// </summary>
[MemoryDiagnoser]
public class CommandSigningBenchmarks
{
    private CommandSigner _signer = null!;
    private CommandVerifier _verifier = null!;
    private SignedCommand _command = null!;
    private byte[] _signedJson = null!;

    [GlobalSetup]
    public void Setup()
    {
        _signer = new CommandSigner(MicroSamples.Key);
        _command = MicroSamples.Unlock();
        _signedJson = _signer.SignToJson(MicroSamples.Unlock());
        _verifier = new CommandVerifier(MicroSamples.LockerId, MicroSamples.Key, new FakeClock(), new FakeStorage());
        if (!_verifier.Verify(_signedJson).Accepted)
        {
            throw new InvalidOperationException("the sample command should verify");
        }
    }

    [Benchmark]
    public string Sign() => _signer.Sign(_command);

    [Benchmark]
    public byte[] SignToJson() => _signer.SignToJson(_command);

    [Benchmark]
    public CommandVerdict VerifyUpToCounter() => _verifier.Verify(_signedJson);
}
