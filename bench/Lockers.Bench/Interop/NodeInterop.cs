using Lockers.Testing;

namespace Lockers.Bench.Interop;

/// <summary>
/// Where node and the MQTT.js scripts of tests/interop are. Missing pieces are reported, never skipped over:
/// a benchmark or interop test that silently did nothing would look like a pass.
/// </summary>
public static class NodeInterop
{
    private const string InstallHint = "Run ./lockers test (or ./lockers bench), which installs node and the npm packages of tests/interop.";

    /// <summary>tests/interop in the checkout.</summary>
    public static string ScriptDirectory => RepositoryRoot.File("tests", "interop");

    /// <summary>The node executable found on PATH (or on <paramref name="pathVariable"/>); throws with how to install it otherwise.</summary>
    public static string FindNode(string? pathVariable = null)
    {
        foreach (var directory in (pathVariable ?? Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = System.IO.Path.Combine(directory, "node");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("node was not found on PATH. " + InstallHint);
    }

    /// <summary>Checks that node and MQTT.js are installed and <paramref name="script"/> exists; returns node's path.</summary>
    public static string RequireScript(string script)
    {
        string node = FindNode();
        RequireMqttJsPackage(ScriptDirectory);
        string path = System.IO.Path.Combine(ScriptDirectory, script);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The interop script {path} is missing.");
        }

        return node;
    }

    /// <summary>Throws, saying how to install it, unless MQTT.js is installed under <paramref name="scriptDirectory"/>/node_modules.</summary>
    public static void RequireMqttJsPackage(string scriptDirectory)
    {
        string mqttPackage = System.IO.Path.Combine(scriptDirectory, "node_modules", "mqtt", "package.json");
        if (!File.Exists(mqttPackage))
        {
            throw new InvalidOperationException($"MQTT.js is not installed ({mqttPackage} is missing). " + InstallHint);
        }
    }

    /// <summary>Starts <c>node tests/interop/<paramref name="script"/></c> with "--name value" arguments.</summary>
    public static ExternalProcess Start(string script, IReadOnlyDictionary<string, string> arguments)
    {
        string node = RequireScript(script);
        var argv = new List<string> { System.IO.Path.Combine(ScriptDirectory, script) };
        foreach (var (name, value) in arguments)
        {
            argv.Add("--" + name);
            argv.Add(value);
        }

        return ExternalProcess.Start(node, argv, ScriptDirectory);
    }
}
