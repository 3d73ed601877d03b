using Lockers.Gateway.Link;

namespace Lockers.Gateway.Tests.Link;

public sealed class LockerLinkOptionsValidatorTests
{
    private static readonly LockerLinkOptionsValidator Validator = new();

    [Fact]
    public void Validate_Disabled_AcceptsAnything()
    {
        var result = Validator.Validate(null, new LockerLinkOptions { Enabled = false, Port = 0, Password = null });

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Validate_EnabledWithoutPassword_FailsNamingTheSetting()
    {
        var result = Validator.Validate(null, new LockerLinkOptions { Enabled = true });

        Assert.True(result.Failed);
        Assert.Contains("LockerLink:ClientCertificateFile (with LockerLink:ClientKeyFile), or LockerLink:Password or LockerLink:PasswordFile, is required.", result.FailureMessage);
    }

    [Fact]
    public void Validate_CertificateWithoutKeyOrWithoutTls_IsRefused()
    {
        var certificate = Path.GetTempFileName();
        try
        {
            var result = Validator.Validate(null, new LockerLinkOptions { Enabled = true, Tls = false, ClientCertificateFile = certificate });

            Assert.Contains("LockerLink:ClientCertificateFile and LockerLink:ClientKeyFile go together", result.FailureMessage);
            Assert.Contains("LockerLink:ClientCertificateFile needs LockerLink:Tls true", result.FailureMessage);
        }
        finally
        {
            File.Delete(certificate);
        }
    }

    [Fact]
    public void Defaults_AreTlsOn8883()
    {
        var options = new LockerLinkOptions();

        Assert.Equal((true, 8883), (options.Tls, options.Port));
    }

    [Fact]
    public void Validate_EnabledWithEveryProblem_ListsThemAll()
    {
        var result = Validator.Validate(null, new LockerLinkOptions
        {
            Enabled = true, Password = "x", Port = 70000, SharedGroup = "a/b", CommandExpirySeconds = 3600, MaxPayloadBytes = 1,
        });

        Assert.Equal(4, result.Failures!.Count());
        Assert.Contains(result.Failures!, f => f.Contains("SharedGroup"));
    }

    [Fact]
    public void Validate_EnabledAndComplete_Succeeds()
    {
        var result = Validator.Validate(null, new LockerLinkOptions { Enabled = true, Password = "secret", SharedGroup = "gw" });

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Subscriptions_WithShareGroup_AreSharedFiltersForEveryLockerChannel()
    {
        var filters = LockerLinkClient.Subscriptions("gw").Select(s => (s.TopicFilter, (int)s.Qos)).ToList();

        Assert.Equal(
        [
            ("$share/gw/lockers/v1/+/status", 1), ("$share/gw/lockers/v1/+/event", 1),
            ("$share/gw/lockers/v1/+/telemetry", 0), ("$share/gw/lockers/v1/+/cmd/result", 1),
        ], filters);
        Assert.Equal("lockers/v1/+/event", LockerLinkClient.Subscriptions(null)[1].TopicFilter);
    }
}
