using System.Diagnostics;
using System.Text;
using Lockers.Core.Commands;
using Lockers.Core.Journal;
using Lockers.Core.Json;
using Lockers.Core.Keypad;
using Lockers.Core.Protocol;

namespace Lockers.Bench.Firmware;

/// <summary>
/// `./lockers bench firmware`: managed bytes the portable core allocates per operation, on .NET, in steady state.
/// Each operation runs untimed first (warm-up, at least a second unless --quick, so tier-1 code is what gets
/// measured), then <see cref="FirmwareBenchOptions.Iterations"/> times between two readings of
/// <see cref="GC.GetAllocatedBytesForCurrentThread"/>. Single-threaded and over allocation-free fakes, so the
/// figures are the core's own and repeat exactly from run to run.
/// </summary>
public static class FirmwareBench
{
    /// <summary>Design target: a key press allocates nothing.</summary>
    public const double KeyPressTargetBytes = 0;

    /// <summary>Design target: a whole pickup allocates under 2 KB.</summary>
    public const double PickupTargetBytes = 2048;

    private const long WarmupMs = 1_000;
    private const int MaxWarmupIterations = 50_000;

    public static FirmwareBenchResult Run(FirmwareBenchOptions options)
    {
        var rig = new FirmwareRig();
        var operations = new List<FirmwareFigure>
        {
            KeyPressAlone(options),
            KeyPressThroughController(options, rig),
        };

        var phaseBytes = new long[FirmwareRig.PickupPhases.Length];
        operations.Add(Pickup(options, rig, phaseBytes));
        var phases = FirmwareRig.PickupPhases
            .Select((name, i) => new FirmwareFigure(name, phaseBytes[i] / (double)options.Iterations, 0))
            .ToList();
        operations.Add(ScannedLine(options, rig));
        operations.Add(Measure("idle main-loop pass (LockerController.Poll)", options, _ => rig.IdlePoll(), rig.Link));
        // Last: it moves the clock a day per publish.
        operations.Add(Measure("telemetry publish (Poll when due, QoS 0)", options, _ => rig.PublishTelemetry(), rig.Link));

        return new FirmwareBenchResult(
            options, Environment.ProcessorCount, System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
            operations, phases, Parts(options, rig));
    }

    private static FirmwareFigure KeyPressAlone(FirmwareBenchOptions options)
    {
        var entry = new KeypadEntry(new FakeFeedbackPort());
        const string keys = "123456789*";
        int next = 0;
        return Measure("key press, KeypadEntry alone (digits, '*')", options,
            _ => entry.OnKey(keys[next++ % keys.Length], 0), null, KeyPressTargetBytes);
    }

    private static FirmwareFigure KeyPressThroughController(FirmwareBenchOptions options, FirmwareRig rig)
    {
        const string keys = "123456789*";
        int next = 0;
        return Measure("key press through LockerController (digits, '*')", options,
            _ => rig.PressKey(keys[next++ % keys.Length]), rig.Link, KeyPressTargetBytes);
    }

    private static FirmwareFigure Pickup(FirmwareBenchOptions options, FirmwareRig rig, long[] phaseBytes)
    {
        byte[][] commands = Array.Empty<byte[]>();
        var warmupBytes = new long[phaseBytes.Length];
        double commandBytes = 0;
        return Measure("pickup: code + '#' -> signed unlock -> pulse -> opened -> cmd/result -> closed", options,
            i => rig.Pickup(i < 0 ? rig.SignUnlocks(1)[0] : commands[i], i < 0 ? warmupBytes : phaseBytes),
            rig.Link, PickupTargetBytes,
            prepare: () =>
            {
                commands = rig.SignUnlocks(options.Iterations);
                commandBytes = commands.Average(command => command.Length);
                rig.PrepareAcks(3 * options.Iterations);
            },
            receivedWirePerOp: () => commandBytes);
    }

    private static FirmwareFigure ScannedLine(FirmwareBenchOptions options, FirmwareRig rig)
    {
        // Two codes in turn: the reader ignores the same code read again within 3 s.
        byte[][] lines = { Encoding.ASCII.GetBytes("LQ1-7Q2M9X4K8B1N6P3R\r\n"), Encoding.ASCII.GetBytes("LQ1-5T0V8C2D4F6G1H3J\r\n") };
        int next = 0;
        return Measure("scanned QR line: code_entered journaled, published, acked, confirmed", options,
            _ => rig.Scan(lines[next++ & 1]), rig.Link, prepare: () => rig.PrepareAcks(options.Iterations));
    }

    /// <summary>The pieces a pickup is made of, measured alone, to show where its bytes go.</summary>
    private static List<FirmwareFigure> Parts(FirmwareBenchOptions options, FirmwareRig rig)
    {
        byte[] command = rig.SignUnlocks(1)[0];
        SignedCommand parsed = SignedCommand.Parse(command);
        // The same command with a field the direct reader does not know: Parse falls back to the general parser.
        byte[] unusual = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(command).TrimEnd('}') + ",\"note\":1}");
        var result = CommandResultPayload.Ok(parsed.CommandId);
        var telemetry = new TelemetryPayload
        {
            UptimeMs = 123_456_789, FreeMemoryBytes = 52_000, SignalDbm = -67, SupplyMv = 12_100, TemperatureC = 21.5,
            Firmware = "1.4.2-esp32", JournalDepth = 0, DroppedEvents = 0,
        };
        long seq = 100_000;
        var acks = new Lockers.Core.Acks.AckVerifier(FirmwareRig.LockerId, rig.Key);
        byte[] ack = new Lockers.Core.Acks.AckSigner(rig.Key).Sign(FirmwareRig.LockerId,
            new AckPayload { Epoch = rig.Controller.EventEpoch, Seq = 123_456 }).ToJson();
        // Reused as the journal, the result outbox and the telemetry reporter reuse theirs.
        var writer = new JsonWriter();
        var keyChars = new char[JournalKeys.MaxEntryKeyLength];
        return new List<FirmwareFigure>
        {
            Part("code_entered event: LockerEvent.CodeEntered + Stamp + ToJson(reused writer)", options,
                () => Stamped(LockerEvent.CodeEntered(CodeSources.Keypad, "kp-1", FirmwareRig.Code), ++seq, rig).ToJson(writer).Length),
            Part("door event: LockerEvent.Door + Stamp + ToJson(reused writer)", options,
                () => Stamped(LockerEvent.Door(FirmwareRig.Compartment, DoorStates.Opened), ++seq, rig).ToJson(writer).Length),
            Part("event JSON with a new writer each time: LockerEvent.ToJson()", options,
                () => Stamped(LockerEvent.Door(FirmwareRig.Compartment, DoorStates.Opened), ++seq, rig).ToJson().Length),
            Part("journal entry key: JournalKeys.Entry(seq, reused buffer), as the journal makes it", options, () => Discard(JournalKeys.Entry(++seq, keyChars))),
            Part("journal entry key with its own array: JournalKeys.Entry(seq)", options, () => Discard(JournalKeys.Entry(++seq))),
            Part("stored counter: StoredNumber.ToBytes(seq)", options, () => Discard(StoredNumber.ToBytes(++seq))),
            Part("command JSON parse: SignedCommand.Parse", options, () => Discard(SignedCommand.Parse(command)), command.Length),
            Part("command JSON parse, general parser (an unknown field)", options, () => Discard(SignedCommand.Parse(unusual)), unusual.Length),
            Part("signature: CommandSigner.ComputeSignature (HMAC-SHA256)", options, () => Discard(rig.Signer.ComputeSignature(parsed))),
            Part("canonical bytes: SignedCommand.CanonicalBytes", options, () => Discard(parsed.CanonicalBytes())),
            Part("claimed signature: Convert.FromBase64String", options, () => Discard(Convert.FromBase64String(parsed.Signature))),
            Part("gateway's ack: AckVerifier.Verify (direct reader, canonical bytes, HMAC-SHA256)", options,
                () => Accepted(acks.Verify(ack, rig.Controller.EventEpoch)), ack.Length),
            Part("cmd/result: CommandResultPayload.ToJson(reused writer)", options, () => result.ToJson(writer).Length),
            Part("telemetry: TelemetryPayload.ToJson(reused writer)", options, () => telemetry.ToJson(writer).Length),
        };
    }

    private static LockerEvent Stamped(LockerEvent e, long seq, FirmwareRig rig)
    {
        e.Stamp(seq, rig.Clock);
        return e;
    }

    private static int Discard(object value) => value is null ? -1 : 0;

    // Not Discard: an AckVerdict passed as object is boxed (24 B) until the JIT's optimised code drops the box, which
    // after a short warm-up it may not have done yet, so the figure read 80 B or 56 B depending on tiering. And a refused
    // ack would measure the wrong path.
    private static int Accepted(Lockers.Core.Acks.AckVerdict verdict) =>
        verdict == Lockers.Core.Acks.AckVerdict.Accepted ? 0 : throw new InvalidOperationException("the benchmark's ack was refused: " + (int)verdict);

    /// <summary>A piece that returns its payload length (or 0 when it has no payload of its own).</summary>
    private static FirmwareFigure Part(string name, FirmwareBenchOptions options, Func<int> piece, int inputBytes = 0)
    {
        long wire = 0;
        var figure = Measure(name, options, i =>
        {
            int length = piece();
            if (i >= 0) wire += length;
        }, null);
        return figure with { WireBytesPerOp = wire / (double)options.Iterations + inputBytes };
    }

    private static FirmwareFigure Measure(
        string name, FirmwareBenchOptions options, Action<int> operation, FakeMqttLink? link, double targetBytes = -1,
        Action? prepare = null, Func<double>? receivedWirePerOp = null)
    {
        // Index -1 marks a warm-up run.
        var warmup = Stopwatch.StartNew();
        for (int i = 0; i < MaxWarmupIterations && (i < options.Warmup || (!options.Quick && warmup.ElapsedMilliseconds < WarmupMs)); i++)
        {
            operation(-1);
        }

        prepare?.Invoke();
        long wireBefore = link?.PayloadBytes ?? 0;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < options.Iterations; i++)
        {
            operation(i);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        double wire = ((link?.PayloadBytes ?? 0) - wireBefore) / (double)options.Iterations + (receivedWirePerOp?.Invoke() ?? 0);
        return new FirmwareFigure(name, allocated / (double)options.Iterations, wire, targetBytes);
    }
}
