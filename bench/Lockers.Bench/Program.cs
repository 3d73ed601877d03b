// ./lockers bench <benchmark> [options]: one entry point for every benchmark (docs/performance.md).
using Lockers.Bench;
using Lockers.Bench.Firmware;
using Lockers.Bench.Gateway;
using Lockers.Bench.Mqtt;

const string Usage = """
    Usage: ./lockers bench <benchmark> [options]
      mqtt    our MQTT client against MQTT.js through a private Mosquitto: QoS 1 throughput and round trip
              [--messages 50000] [--roundtrips 2000] [--window 100] [--size 100] [--rounds 3] [--no-baseline] [--quick]
      firmware managed bytes the firmware core allocates per key press, pickup, scan, telemetry (steady state)
              [--iterations 2000] [--warmup 200] [--quick]
      micro   BenchmarkDotNet micro-benchmarks (packet codec, JSON, command signing, HMAC); options go to BenchmarkDotNet,
              e.g. --filter '*Json*' --job short
      unlock  code entered -> signed unlock received through the gateway, p50/p99/max with N lockers and their telemetry,
              against a bare MQTT echo through the same broker
              [--lockers 1000] [--roundtrips 2000] [--warmup 200] [--telemetry-s 300] [--quick]
      pickup  pickups/s through the gateway's real flow (code consumed at door opened, compartment freed at closed),
              ramped until p99 > 50 ms then sustained; baseline: SQLite single-row commits/s
              [--lockers 1000] [--compartments 32] [--duration 30] [--rate N | --start-rate 50 --step-seconds 5]
              [--max-p99-ms 50] [--telemetry-s 300] [--quick]
      fleet   lockers per gateway: connect in steps, gateway CPU and memory per locker, unlock round trip per step
              [--steps 1000,5000,10000,20000] [--roundtrips 300] [--measure-s 30] [--telemetry-s 300] [--quick]
              unlock, pickup and fleet run the built gateway as its own process; --set Section:Key=value (repeatable)
              starts it with another setting, e.g. --set Monitoring:EvaluationIntervalSeconds=60
    """;

string command = args.Length > 0 ? args[0] : "help";
string[] rest = args.Skip(1).ToArray();
return command switch
{
    "mqtt" => await MqttCommand.RunAsync(rest),
    "firmware" => FirmwareCommand.Run(rest),
    "micro" => MicroCommand.Run(rest),
    "unlock" or "pickup" or "fleet" => await GatewayCommand.RunAsync(command, rest),
    "help" or "-h" or "--help" => Help(0),
    _ => Help(2),
};

int Help(int exitCode)
{
    (exitCode == 0 ? Console.Out : Console.Error).WriteLine(Usage);
    return exitCode;
}
