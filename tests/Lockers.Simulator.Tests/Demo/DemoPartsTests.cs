using System.Security.Cryptography;
using System.Text;
using Lockers.Demo;
using Lockers.Demo.Processes;
using Lockers.Demo.Setup;
using Lockers.Demo.Site;
using Lockers.Simulator.Tests.Support;

namespace Lockers.Simulator.Tests.Demo;

/// <summary>The demo's pieces that need no broker or gateway: options, the broker config, webhook checks, what-to-do lines.</summary>
public sealed class DemoPartsTests
{
    [Fact]
    public void Options_WithOnlyRoot_UseTheDataDirectoryUnderTheRoot_AndLeavePortsToTheState()
    {
        var options = DemoOptions.Parse(["--root", "/repo"]);

        Assert.Equal(Path.GetFullPath("/repo/.data/demo"), options.DataDirectory);
        Assert.Null(options.BrokerPort);
        Assert.False(options.Once);
    }

    [Theory]
    [InlineData("--port", "0")]
    [InlineData("--http-port", "70000")]
    [InlineData("--webhook-port", "x")]
    [InlineData("--bogus", "1")]
    public void Options_BadArgument_IsRefusedWithItsName(string name, string value)
    {
        var error = Assert.Throws<ArgumentException>(() => DemoOptions.Parse(["--root", "/repo", name, value]));
        Assert.Contains(name, error.Message);
    }

    [Fact]
    public void BrokerConfig_FromTheProjectTemplate_ListensWithTlsOnLoopbackAtTheDemoPort_WithEveryFileInTheDataDirectory()
    {
        var data = Path.Combine(Path.GetTempPath(), "lockers-demo-conf-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var paths = new DemoPaths(RepoFiles.Root, data);
            BrokerSetup.WriteConfig(paths, 18999);
            var conf = File.ReadAllLines(paths.BrokerConfig);

            Assert.Contains("listener 18999 127.0.0.1", conf);
            Assert.Contains($"crlfile {paths.BrokerCrlFile}", conf);
            Assert.Contains($"cafile {Path.Combine(paths.BrokerTlsDirectory, "ca.crt")}", conf);
            Assert.Contains("require_certificate true", conf);
            Assert.Contains($"acl_file {paths.BrokerAclFile}", conf);
            Assert.Contains($"pid_file {paths.BrokerPidFile}", conf);
            Assert.Contains("allow_anonymous false", conf);
            Assert.DoesNotContain(conf, line => line.Contains("@STATE_DIR@", StringComparison.Ordinal) || line.Contains("@BIND_ADDRESS@", StringComparison.Ordinal));
            Assert.True(Directory.Exists(Path.Combine(paths.BrokerDirectory, "data")));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public void Webhook_SignedAsTheGatewaySigns_IsAccepted_AndAnyChangeIsRefused()
    {
        const string secret = "whsec_test";
        const string body = """{"id":"evt_1","type":"ready_for_pickup","reservation":{"id":"rsv_1"},"secrets":{"pickupPin":"514203","qrToken":"q","accessLink":"http://x/r/t"}}""";
        var mac = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes("1700000000." + body)));
        var header = $"t=1700000000,v1={mac}";

        Assert.True(WebhookReceiver.Verify(secret, header, body));
        Assert.False(WebhookReceiver.Verify(secret, header, body.Replace("514203", "000000", StringComparison.Ordinal)));
        Assert.False(WebhookReceiver.Verify("another secret", header, body));
        Assert.False(WebhookReceiver.Verify(secret, null, body));
        var delivery = WebhookReceiver.Parse(body);
        Assert.Equal(("ready_for_pickup", "rsv_1", "514203", "q"), (delivery.Type, delivery.ReservationId, delivery.PickupPin, delivery.QrToken));
    }

    [Fact]
    public void Guide_TellsTheCourierTheCode_AndTheRecipientThePinAndLink()
    {
        var parcel = new DemoParcel
        {
            ReservationId = "rsv_1", ParcelReference = "DEMO-0001", Size = "M", DropoffCode = "40718256", LockerId = "demo-b", Compartment = 5,
        };
        Assert.Contains("As a courier: type drop-off code 40718256 at locker B (b 40718256#), then close b 5", Guide.ForAll([parcel]));

        parcel.Status = "ready_for_pickup";
        parcel.PickupPin = "514203";
        parcel.QrToken = "qr-token";
        parcel.AccessLink = "http://127.0.0.1:18080/r/abc";
        var text = Guide.ForAll([parcel]);
        Assert.Contains("As a recipient: open the parcel page http://127.0.0.1:18080/r/abc (PIN, QR, extend, redirect), type PIN 514203 at the site (b 514203#)", text);
        Assert.Contains("scan b qr-token", text);
    }

    [Fact]
    public void Guide_GivesTheSitesCourierBadge_AndTheRoundsKeys()
    {
        var state = new DemoState { CourierBadge = "badge-token", CourierPin = "123456789" };

        var text = Guide.CourierBadgeLine(state);

        Assert.Contains("Courier badge for the site: scan a badge-token  (or type its PIN: a 123456789#)", text);
        Assert.Contains("a 0# the parcel does not fit", text);
    }

    [Fact]
    public void RedirectWebhook_MovesTheParcel_AndCarriesTheNewDropoffCode()
    {
        var parcel = new DemoParcel
        {
            ReservationId = "rsv_1", ParcelReference = "DEMO-0001", Size = "S", DropoffCode = "40718256", LockerId = "demo-a", Compartment = 7,
        };

        var changed = ParcelUpdates.Apply(parcel, new WebhookDelivery("evt_2", "redirected", "rsv_1", null, null, null, "demo-y", 1, "booked", "11112222"));

        Assert.True(changed);
        Assert.Equal(("demo-y", 1, "11112222", "booked"), (parcel.LockerId, parcel.Compartment, parcel.DropoffCode, parcel.Status));
    }

    [Fact]
    public void SetupOutput_FieldsAreReadFromTheGatewaysApikeyCreateLines()
    {
        const string output = "client:         demo-carrier (cl_1)\napi key:        lk_abc_def\nwebhook secret: whsec_x\nStore these now\n";
        Assert.Equal("lk_abc_def", SiteSetup.Field(output, "api key:"));
        Assert.Equal("whsec_x", SiteSetup.Field(output, "webhook secret:"));
        Assert.Null(SiteSetup.Field("api key:        lk_1\n", "webhook secret:"));
    }

    [Fact]
    public void Webhook_ParcelMovedOrRelocated_TheGuideFollowsTheParcelToItsNewDoor()
    {
        var parcel = new DemoParcel { ReservationId = "rsv_1", ParcelReference = "DEMO-0002", Size = "M", DropoffCode = "12345678",
            LockerId = "demo-a", Compartment = 3 };

        var changed = ParcelUpdates.Apply(parcel, new WebhookDelivery("evt_1", "relocated", "rsv_1", null, null, null, "demo-b", 5));

        Assert.True(changed);
        Assert.Equal(("demo-b", 5), (parcel.LockerId, parcel.Compartment));
        Assert.Contains("at locker B (b 12345678#), then close b 5", Guide.CourierLine(parcel));
        Assert.Contains("went out of service", ParcelUpdates.Describe(parcel, "relocated"));
    }

    [Fact]
    public void BookingRefused_ProblemDocument_IsToldInWords_NotAsRawJson()
    {
        var text = ReservationClient.Problem(
            """{"type":"https://lockers.dev/problems/no-capacity","title":"No free compartment fits.","status":409,"detail":"Size XL is full at demo-site."}""", 409);

        Assert.Equal("No free compartment fits; Size XL is full at demo-site (409)", text);
        Assert.DoesNotContain("{", text);
    }

    [Fact]
    public async Task ChildProcess_PortAlreadyTakenByAnotherProgram_IsRefusedBeforeStarting_WithWhatToDo()
    {
        using var other = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        other.Start();
        var port = ((System.Net.IPEndPoint)other.LocalEndpoint).Port;
        var directory = Directory.CreateTempSubdirectory("lockers-demo-port-").FullName;
        try
        {
            var error = await Assert.ThrowsAsync<DemoException>(() => ChildProcess.StartAsync("gateway", "/bin/sleep", ["30"],
                Path.Combine(directory, "out.log"), Path.Combine(directory, "gateway.pid"), "sleep", port: port));

            Assert.Contains($"127.0.0.1:{port} is already in use", error.Message);
            Assert.Contains("--http-port", error.Message);
            Assert.False(File.Exists(Path.Combine(directory, "gateway.pid"))); // nothing was started
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
