using Lockers.Core.Config;

namespace Lockers.Core.Tests.Config;

public class DeviceConfigLoaderTests
{
    private const string Key = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";

    private static string Valid(string extra = "") =>
        "{\"format\":1,\"lockerId\":\"site-1-a\",\"siteId\":\"site-1\",\"board\":\"devkit-4.json\"," +
        "\"commandKey\":\"" + Key + "\",\"broker\":{\"host\":\"127.0.0.1\",\"username\":\"locker-a\",\"password\":\"pw\"}" + extra + "}";

    [Fact]
    public void Load_MinimalFile_AppliesDefaults()
    {
        var config = DeviceConfigLoader.Load(Valid());

        Assert.Equal("site-1-a", config.LockerId);
        Assert.Equal("site-1", config.SiteId);
        Assert.Equal("site-1-a", config.KeypadId);
        Assert.Equal("site-1-a-qr", config.ScannerId);
        Assert.Equal("devkit-4.json", config.BoardFile);
        Assert.Equal(32, config.CommandKey.Length);
        Assert.Equal(1883, config.Broker.Port);
        Assert.False(config.Broker.Tls);
        Assert.Equal(DeviceConfig.DefaultHeartbeatS, config.HeartbeatS);
        Assert.Equal(DeviceConfig.DefaultTelemetryS, config.TelemetryS);
        Assert.Equal(DeviceConfig.DefaultAnswerS, config.AnswerS);
        Assert.Equal(DeviceConfig.DefaultOfflineAfterS, config.OfflineAfterS);
        Assert.Null(config.Wifi);
    }

    [Fact]
    public void Load_Language_IsReadAndDefaultsToEnglish()
    {
        Assert.Equal("en", DeviceConfigLoader.Load(Valid()).Language);
        Assert.Equal("ja", DeviceConfigLoader.Load(Valid(",\"language\":\"ja\"")).Language);

        var error = Assert.Throws<DeviceConfigException>(() => DeviceConfigLoader.Load(Valid(",\"language\":\"fr\"")));

        Assert.Contains("language: must be en, ja or zh (is 'fr')", error.Problems);
    }

    [Fact]
    public void Load_AnswerWindowAndOfflineBound_AreReadAndWrittenBack()
    {
        var config = DeviceConfigLoader.Load(Valid(",\"answerS\":20,\"offlineAfterS\":5"));

        Assert.Equal((20, 5), (config.AnswerS, config.OfflineAfterS));
        var again = DeviceConfigLoader.Load(DeviceConfigWriter.ToJson(config));
        Assert.Equal((20, 5), (again.AnswerS, again.OfflineAfterS));
    }

    [Theory]
    [InlineData(",\"answerS\":2", "answerS: must be 3..120 (is 2)")]
    [InlineData(",\"answerS\":10,\"offlineAfterS\":10", "offlineAfterS: must be 1..9 (is 10)")]
    [InlineData(",\"offlineAfterS\":0", "offlineAfterS: must be 1..9 (is 0)")]
    public void Load_OfflineBoundNotInsideTheAnswerWindow_IsRefusedByName(string extra, string problem)
    {
        var error = Assert.Throws<DeviceConfigException>(() => DeviceConfigLoader.Load(Valid(extra)));

        Assert.Contains(problem, error.Problems);
    }

    [Fact]
    public void Load_TlsWithoutPort_Uses8883()
    {
        var json = Valid().Replace("\"host\":\"127.0.0.1\"", "\"host\":\"broker\",\"tls\":true");

        Assert.Equal(8883, DeviceConfigLoader.Load(json).Broker.Port);
    }

    [Fact]
    public void Load_WifiSection_IsRead()
    {
        var config = DeviceConfigLoader.Load(Valid(",\"wifi\":{\"ssid\":\"net\",\"password\":\"12345678\"}"));

        Assert.NotNull(config.Wifi);
        Assert.Equal("net", config.Wifi!.Ssid);
        Assert.Equal("12345678", config.Wifi.Password);
    }

    [Fact]
    public void Load_SeveralProblems_ReportsEveryOneWithItsPath()
    {
        var json = "{\"format\":2,\"lockerId\":\"Bad/Id\",\"board\":\"../x.json\",\"commandKey\":\"AAAA\"," +
                   "\"telemetryS\":1,\"broker\":{\"host\":\"h\",\"port\":0,\"username\":\"u\"}}";

        var error = Assert.Throws<DeviceConfigException>(() => DeviceConfigLoader.Load(json));

        Assert.Contains("format: must be 1", error.Problems);
        Assert.Contains(error.Problems, p => p.StartsWith("lockerId: must be 1..64 of"));
        Assert.Contains("siteId: missing", error.Problems);
        Assert.Contains(error.Problems, p => p.StartsWith("board: "));
        Assert.Contains(error.Problems, p => p.StartsWith("commandKey: must be 32 bytes"));
        Assert.Contains(error.Problems, p => p.StartsWith("telemetryS: must be 10..86400"));
        Assert.Contains(error.Problems, p => p.StartsWith("broker.port: must be 1..65535"));
        Assert.Contains("broker.password: missing", error.Problems);
        Assert.Contains("siteId: missing", error.Message);
    }

    [Fact]
    public void Load_MissingBrokerSection_IsReportedOnce()
    {
        var json = Valid().Replace(",\"broker\":{\"host\":\"127.0.0.1\",\"username\":\"locker-a\",\"password\":\"pw\"}", "");

        var error = Assert.Throws<DeviceConfigException>(() => DeviceConfigLoader.Load(json));

        Assert.Equal(new[] { "broker: missing" }, error.Problems);
    }

    [Fact]
    public void Load_EmptyObject_NamesEveryRequiredFieldOnce()
    {
        var error = Assert.Throws<DeviceConfigException>(() => DeviceConfigLoader.Load("{\"format\":1}"));

        Assert.Equal(
            new[] { "lockerId: missing", "siteId: missing", "broker: missing", "commandKey: missing", "board: missing" },
            error.Problems);
    }

    [Fact]
    public void Load_WrongTypes_AreNamed()
    {
        var json = Valid().Replace("\"lockerId\":\"site-1-a\"", "\"lockerId\":7").Replace("\"username\":\"locker-a\"", "\"username\":true");

        var error = Assert.Throws<DeviceConfigException>(() => DeviceConfigLoader.Load(json));

        Assert.Contains("lockerId: expected a string", error.Problems);
        Assert.Contains("broker.username: expected a string", error.Problems);
    }

    [Fact]
    public void Load_KeyNotBase64_DoesNotEchoTheSecret()
    {
        var json = Valid().Replace(Key, "secret!!not-base64");

        var error = Assert.Throws<DeviceConfigException>(() => DeviceConfigLoader.Load(json));

        Assert.Contains("commandKey: not valid base64", error.Problems);
        Assert.DoesNotContain("secret!!", error.Message);
    }

    [Fact]
    public void Load_NotJson_IsRefusedWithPosition()
    {
        var error = Assert.Throws<DeviceConfigException>(() => DeviceConfigLoader.Load("{\"format\":1,"));

        Assert.StartsWith("not valid JSON", error.Problems[0]);
    }

    [Fact]
    public void Load_ScannerIdSameAsKeypadId_IsRefused()
    {
        var error = Assert.Throws<DeviceConfigException>(() =>
            DeviceConfigLoader.Load(Valid(",\"keypadId\":\"r1\",\"scannerId\":\"r1\"")));

        Assert.Contains(error.Problems, p => p.StartsWith("scannerId: must differ from keypadId"));
    }

    [Fact]
    public void Load_ShortWifiPassword_IsRefused()
    {
        var error = Assert.Throws<DeviceConfigException>(() =>
            DeviceConfigLoader.Load(Valid(",\"wifi\":{\"ssid\":\"net\",\"password\":\"short\"}")));

        Assert.Contains("wifi.password: must be empty or 8..63 characters", error.Problems);
    }

    [Fact]
    public void ToJson_LoadedBack_GivesTheSameConfig()
    {
        var original = DeviceConfigLoader.Load(Valid(",\"wifi\":{\"ssid\":\"net\",\"password\":\"\"},\"heartbeatS\":30,\"language\":\"zh\""));

        var copy = DeviceConfigLoader.Load(DeviceConfigWriter.ToJson(original));

        Assert.Equal(original.LockerId, copy.LockerId);
        Assert.Equal(original.CommandKey, copy.CommandKey);
        Assert.Equal(original.Broker.Host, copy.Broker.Host);
        Assert.Equal(original.Broker.Password, copy.Broker.Password);
        Assert.Equal(30, copy.HeartbeatS);
        Assert.Equal("net", copy.Wifi!.Ssid);
        Assert.Equal("zh", copy.Language);
    }

    [Fact]
    public void Validate_ConfigBuiltInCode_ChecksTheSameRules()
    {
        var config = new DeviceConfig("a", "s", new BrokerSettings("h", 1883, false, "u", "p"), new byte[31], "b.json", 60, 300, "a", "a-qr", null);

        var error = Assert.Throws<DeviceConfigException>(config.Validate);

        Assert.Equal(new[] { "commandKey: must be 32 bytes (base64)" }, error.Problems);
    }
    private static string WithCertificate(string broker) =>
        "{\"format\":1,\"lockerId\":\"site-1-a\",\"siteId\":\"site-1\",\"board\":\"devkit-4.json\"," +
        "\"commandKey\":\"" + Key + "\",\"broker\":{" + broker + "}}";

    [Fact]
    public void Load_ClientCertificateWithoutPassword_IsAccepted_AndWrittenBack()
    {
        var config = DeviceConfigLoader.Load(WithCertificate(
            "\"host\":\"broker\",\"tls\":true,\"username\":\"site-1-a\",\"caFile\":\"ca.crt\",\"certFile\":\"locker.crt\",\"keyFile\":\"locker.key\""));

        Assert.Equal(("ca.crt", "locker.crt", "locker.key", ""), (config.Broker.CaFile, config.Broker.CertFile, config.Broker.KeyFile, config.Broker.Password));
        Assert.True(config.Broker.HasClientCertificate);
        var copy = DeviceConfigLoader.Load(DeviceConfigWriter.ToJson(config));
        Assert.Equal(("ca.crt", "locker.crt", "locker.key", 8883), (copy.Broker.CaFile, copy.Broker.CertFile, copy.Broker.KeyFile, copy.Broker.Port));
        Assert.DoesNotContain("password", DeviceConfigWriter.ToJson(config));
    }

    [Theory]
    [InlineData("\"tls\":true,\"certFile\":\"locker.crt\"", "broker.keyFile: broker.certFile and broker.keyFile go together")]
    [InlineData("\"tls\":true,\"password\":\"pw\",\"keyFile\":\"locker.key\"", "broker.certFile: broker.certFile and broker.keyFile go together")]
    [InlineData("\"certFile\":\"locker.crt\",\"keyFile\":\"locker.key\"", "broker.tls: must be true when certificate files are given")]
    [InlineData("\"tls\":true,\"certFile\":\"../etc/locker.crt\",\"keyFile\":\"locker.key\"", "broker.certFile: must be a file name without folders")]
    [InlineData("\"tls\":true,\"password\":\"pw\",\"caFile\":\"/etc/ssl/ca.crt\"", "broker.caFile: must be a file name without folders")]
    [InlineData("\"tls\":true", "broker.password: missing")]
    public void Load_BadCredentialFiles_AreNamed(string broker, string problem)
    {
        var error = Assert.Throws<DeviceConfigException>(() =>
            DeviceConfigLoader.Load(WithCertificate("\"host\":\"broker\",\"username\":\"site-1-a\"," + broker)));

        Assert.Contains(problem, error.Problems);
    }
}
