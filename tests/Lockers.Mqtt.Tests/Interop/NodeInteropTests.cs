using Lockers.Bench.Interop;

namespace Lockers.Mqtt.Tests.Interop;

/// <summary>Missing node must fail the interop tests with the way out, never skip them silently.</summary>
public sealed class NodeInteropTests
{
    [Fact]
    public void FindNode_NotOnPath_FailsSayingToRunLockersTest()
    {
        var error = Assert.Throws<InvalidOperationException>(() => NodeInterop.FindNode(pathVariable: "/nonexistent-lockers-bin"));

        Assert.Contains("./lockers test", error.Message);
    }

    [Fact]
    public void RequireMqttJsPackage_NoNodeModules_FailsSayingToRunLockersTest()
    {
        string emptyDirectory = Directory.CreateTempSubdirectory("lockers-no-node-modules-").FullName;
        try
        {
            var error = Assert.Throws<InvalidOperationException>(() => NodeInterop.RequireMqttJsPackage(emptyDirectory));

            Assert.Contains("./lockers test", error.Message);
        }
        finally
        {
            Directory.Delete(emptyDirectory);
        }
    }

    [Fact]
    public void RequireScript_MissingScript_FailsNamingIt()
    {
        var error = Assert.Throws<InvalidOperationException>(() => NodeInterop.RequireScript("no-such-script.js"));

        Assert.Contains("no-such-script.js", error.Message);
    }
}
