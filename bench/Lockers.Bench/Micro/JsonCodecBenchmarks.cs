using BenchmarkDotNet.Attributes;
using Lockers.Core.Commands;
using Lockers.Core.Json;
using Lockers.Core.Protocol;

namespace Lockers.Bench.Micro;

/// <summary>The core's JSON codec on a pickup's payloads: write and parse a code_entered event and a signed unlock.</summary>
[MemoryDiagnoser]
public class JsonCodecBenchmarks
{
    private readonly JsonWriter _writer = new();
    private LockerEvent _event = null!;
    private byte[] _eventJson = null!;
    private SignedCommand _command = null!;
    private byte[] _commandJson = null!;

    [GlobalSetup]
    public void Setup()
    {
        _event = MicroSamples.CodeEntered();
        _eventJson = _event.ToJson();
        _commandJson = MicroSamples.SignedUnlockJson();
        _command = SignedCommand.Parse(_commandJson);
    }

    [Benchmark]
    public byte[] WriteEvent() => _event.ToJson();

    /// <summary>As the journal writes events: one writer reused, so only the payload array is allocated.</summary>
    [Benchmark]
    public byte[] WriteEventReusedWriter() => _event.ToJson(_writer);

    [Benchmark]
    public LockerEvent ParseEvent() => LockerEvent.Parse(_eventJson);

    [Benchmark]
    public byte[] WriteCommand() => _command.ToJson();

    [Benchmark]
    public SignedCommand ParseCommand() => SignedCommand.Parse(_commandJson);
}
