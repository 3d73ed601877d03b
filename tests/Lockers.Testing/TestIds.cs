using System.Runtime.CompilerServices;

namespace Lockers.Testing;

/// <summary>Identifiers that show in broker logs which test made them.</summary>
public static class TestIds
{
    private static int _counter;

    /// <summary>
    /// A client id "<paramref name="testName"/>-<paramref name="role"/>-n", unique in this process. Called from a test
    /// without <paramref name="testName"/>, it uses the test method's name.
    /// </summary>
    public static string ClientId([CallerMemberName] string testName = "", string role = "client")
        => $"{testName}-{role}-{Interlocked.Increment(ref _counter)}";

    /// <summary>A topic root unique to the test, so tests sharing a broker never see each other's messages.</summary>
    public static string Topic([CallerMemberName] string testName = "", string suffix = "")
        => $"test/{testName}/{Interlocked.Increment(ref _counter)}" + (suffix.Length > 0 ? "/" + suffix : "");
}
