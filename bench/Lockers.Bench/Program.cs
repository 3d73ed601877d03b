// ./lockers bench <benchmark> [options]: one entry point for every benchmark (docs/performance.md).
using Lockers.Bench;
using Lockers.Bench.Mqtt;

const string Usage = """
    Usage: ./lockers bench <benchmark> [options]
      mqtt    our MQTT client against MQTT.js through a private Mosquitto: QoS 1 throughput and round trip
              [--messages 50000] [--roundtrips 2000] [--window 100] [--size 100] [--rounds 3] [--no-baseline] [--quick]
      micro   BenchmarkDotNet micro-benchmarks (packet codec...); options go to BenchmarkDotNet
    Planned: unlock, pickup, fleet (docs/performance.md).
    """;

string command = args.Length > 0 ? args[0] : "help";
string[] rest = args.Skip(1).ToArray();
return command switch
{
    "mqtt" => await MqttCommand.RunAsync(rest),
    "micro" => MicroCommand.Run(rest),
    "unlock" or "pickup" or "fleet" => NotYet(command),
    "help" or "-h" or "--help" => Help(0),
    _ => Help(2),
};

int NotYet(string name)
{
    Console.Error.WriteLine($"The '{name}' benchmark is not written yet (docs/performance.md lists what is planned).");
    return 2;
}

int Help(int exitCode)
{
    (exitCode == 0 ? Console.Out : Console.Error).WriteLine(Usage);
    return exitCode;
}
