using Lockers.Testing.Mosquitto;

namespace Lockers.Bench.Gateway;

/// <summary>
/// The gateway benchmarks' private Mosquitto: one shared user for the gateway and every locker (no per-locker
/// password file: provisioning 20,000 lockers through it would take longer than the measurement), no ACL,
/// persistence not saved on every change, and Nagle off on the broker's sockets (set_tcp_nodelay, which the
/// fixture and broker/mosquitto.conf now always set). Without it, Mosquitto holds a PUBLISH that follows its PUBACK on the same connection until the client's delayed ACK
/// (about 40 ms on Linux), which made the bare echo baseline read 44 ms at p50. Queue limits as the shipped
/// broker/mosquitto.conf sets them: with the fixture's default of 1,000 queued messages, an overloaded gateway
/// lost QoS 1 events ("Outgoing messages are being dropped for client bench-gateway").
/// </summary>
/// With <see cref="BenchTransport.Tls"/> (default) it is set up as shipped: TLS, a client certificate per locker and for the
/// gateway (the fixture's test CA), the certificate's common name as user name and client id, and the project's ACL
/// (broker/aclfile) plus the echo responder's user.
public static class BenchBroker
{
    public const string GatewayIdentity = "gateway";
    public const string EchoIdentity = "bench-echo";

    public static Task<MosquittoBroker> StartAsync(BenchTransport transport)
    {
        var tls = transport == BenchTransport.Tls;
        var options = new MosquittoBrokerOptions { SaveOnEveryChange = false, Tls = tls, RequireClientCertificate = tls };
        if (tls)
        {
            options.AclLines =
            [
                .. global::Lockers.Gateway.Provisioning.BrokerAclRules.Render(GatewayIdentity).Split('\n'),
                "user " + EchoIdentity, "topic readwrite lockers/v1/#",
            ];
        }

        options.ExtraConfig.Add("max_inflight_messages 20");
        options.ExtraConfig.Add("max_queued_messages 100000");
        return MosquittoBroker.StartNewAsync(options);
    }
}
