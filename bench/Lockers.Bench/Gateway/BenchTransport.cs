namespace Lockers.Bench.Gateway;

/// <summary>
/// How the gateway benchmarks' lockers and gateway reach the broker. <see cref="Tls"/> (default) is the shipped setup:
/// TLS with a client certificate per locker and for the gateway, the certificate's identity as user name and client id
/// (ADR 0203/0204). <see cref="Plain"/> is the old plain-text setup with one shared password user, kept to measure what
/// TLS costs (`--transport plain`, or `both` for the two back to back in one invocation).
/// </summary>
public enum BenchTransport
{
    Tls,
    Plain,
}

public static class BenchTransports
{
    public const string Usage = "--transport tls|plain|both";

    /// <summary>The transports `--transport` asks for, in the order they run (plain first, so TLS runs on a warmed disk cache too); default TLS only.</summary>
    public static IReadOnlyList<BenchTransport> Parse(IReadOnlyList<string> args, out List<string> rest)
    {
        rest = args.ToList();
        var index = rest.IndexOf("--transport");
        if (index < 0)
        {
            return [BenchTransport.Tls];
        }

        var value = index + 1 < rest.Count ? rest[index + 1] : "";
        rest.RemoveRange(index, Math.Min(2, rest.Count - index));
        return value switch
        {
            "tls" => [BenchTransport.Tls],
            "plain" => [BenchTransport.Plain],
            "both" => [BenchTransport.Plain, BenchTransport.Tls],
            _ => throw new ArgumentException($"--transport '{value}' is not tls, plain or both"),
        };
    }

    public static string Name(BenchTransport transport) => transport == BenchTransport.Tls ? "tls" : "plain";

    /// <summary>The reproduce-command suffix (nothing for the default).</summary>
    public static string Option(BenchTransport transport) => transport == BenchTransport.Tls ? "" : " --transport plain";
}
