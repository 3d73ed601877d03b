namespace Lockers.Core.Tests.Compatibility;

/// <summary>
/// What compiling against nanoFramework's real mscorlib (firmware/Lockers.Core.NanoCheck, part of every build)
/// catches, and what it does not, which is why BannedSymbols.txt and NanoFrameworkSubsetTests stay
/// (docs/adr/0006-real-mscorlib-compile.md). Each snippet is planted in a method body, or at namespace level
/// when it starts with "class"/"record"/"using".
/// </summary>
public class RealMscorlibCompileTests
{
    [Fact]
    public void CoreSources_CompileAgainstTheRealMscorlib()
    {
        var sources = Directory.GetFiles(RepoPaths.CoreSources, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar))
            .ToDictionary(f => Path.GetRelativePath(RepoPaths.CoreSources, f), File.ReadAllText);

        var errors = NanoCompiler.Errors(sources);

        Assert.True(sources.Count > 50, "core sources not found under " + RepoPaths.CoreSources);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    // The misuses issue 16 names, and others that .NET accepts and the device does not.
    [Theory]
    [InlineData("bool b = new Hashtable().ContainsKey(1);", "CS1061")]
    [InlineData("bool b = new Hashtable().ContainsValue(1);", "CS1061")]
    [InlineData("new StringBuilder().Insert(0, \"x\");", "CS1501")]
    [InlineData("new StringBuilder().AppendFormat(\"{0}\", 1);", "CS1061")]
    [InlineData("string s = Encoding.UTF8.GetString(new byte[1]);", "CS7036")]
    [InlineData("byte[] b = Encoding.ASCII.GetBytes(\"a\");", "CS0117")]
    [InlineData("int? maybe = null;", "CS0518")]
    [InlineData("bool blank = string.IsNullOrWhiteSpace(\"a\");", "CS0117")]
    [InlineData("long larger = Math.Max(1L, 2L);", "CS0103")]
    [InlineData("string s = \"ab\".Replace(\"a\", \"b\");", "CS1061")]
    [InlineData("string s = string.Join(\",\", new string[0]);", "CS0117")]
    [InlineData("bool b = \"ab\".Contains('a');", "CS1503")]
    [InlineData("int n = new Random().Next(1, 5);", "CS1501")]
    [InlineData("bool b = new AutoResetEvent(false).WaitOne(5);", "CS7036")]
    [InlineData("long n = 0; Interlocked.Increment(ref n);", "CS1503")]
    [InlineData("object o = Enum.Parse(typeof(DayOfWeek), \"Monday\");", "CS0117")]
    [InlineData("byte[] h = new HMACSHA256(new byte[32]).ComputeHash(new byte[4], 0, 4);", "CS1501")]
    [InlineData("var list = new System.Collections.Generic.List<int>();", "CS0234")]
    [InlineData("var pair = (1, 2);", "CS8179")]
    [InlineData("char last = \"ab\"[^1];", "CS0518")]
    [InlineData("System.Threading.Tasks.Task t = null;", "CS0234")]
    [InlineData("using System.Linq;", "CS0234")]
    [InlineData("record Point(int X, int Y);", "CS0518")]
    [InlineData("class Seq { IEnumerable Items() { yield return 1; } }", "CS0518")]
    [InlineData("class Later { async void Run() { } }", "CS0518")]
    public void Misuse_FailsTheRealCompile(string snippet, string error)
    {
        var errors = NanoCompiler.Errors(Planted(snippet));

        Assert.True(errors.Any(e => e.Contains(": " + error + ":")), $"expected {error} for `{snippet}`, got:\n" + string.Join("\n", errors));
    }

    // The nanoFramework way of doing the same things compiles, so the failures above are about the API, not the harness.
    [Theory]
    [InlineData("bool b = new Hashtable().Contains(1); object v = new Hashtable()[1];")]
    [InlineData("new StringBuilder().Insert(0, \"x\", 1).Append('c', 2).Replace(\"a\", \"b\");")]
    [InlineData("byte[] b = Encoding.UTF8.GetBytes(\"a\"); string s = Encoding.UTF8.GetString(b, 0, b.Length);")]
    [InlineData("bool blank = string.IsNullOrEmpty(\"a\".Trim());")]
    [InlineData("byte[] h = HMACSHA256.HashData(new byte[32], new byte[4]);")]
    [InlineData("bool b = new AutoResetEvent(false).WaitOne(5, false); string[] parts = \"a,b\".Split(',');")]
    [InlineData("foreach (DictionaryEntry e in new Hashtable()) { object k = e.Key; }")]
    public void NanoFrameworkEquivalent_Compiles(string snippet)
    {
        Assert.Empty(NanoCompiler.Errors(Planted(snippet)));
    }

    // Legal C# against nanoFramework's mscorlib, wrong on the device: the other two checks own these.
    [Theory]
    [InlineData("class Box<T> { }")] // generic definition: the metadata processor rejects it (NanoFrameworkSubsetTests)
    [InlineData("class Init { public int X { get; init; } }")] // mscorlib 1.17.11 declares IsExternalInit (NanoFrameworkSubsetTests)
    [InlineData("Action<int> a = null;")] // declared, fails at run time (BannedSymbols.txt)
    [InlineData("string s = DayOfWeek.Monday.ToString();")] // prints "1" on the device (BannedSymbols.txt)
    [InlineData("DateTime now = DateTime.UtcNow; Thread.Sleep(1); Console.WriteLine(\"x\");")] // policy: IClock, no blocking, no I/O (BannedSymbols.txt)
    public void DeviceHazard_StillCompiles_SoAnotherCheckOwnsIt(string snippet)
    {
        Assert.Empty(NanoCompiler.Errors(Planted(snippet)));
    }

    private static Dictionary<string, string> Planted(string snippet)
    {
        const string usings = "using System;\nusing System.Collections;\nusing System.Security.Cryptography;\nusing System.Text;\nusing System.Threading;\n";
        bool topLevel = snippet.StartsWith("class ") || snippet.StartsWith("record ") || snippet.StartsWith("using ");
        string text = snippet.StartsWith("using ")
            ? snippet + "\n" + usings + "namespace Planted { }\n"
            : usings + "namespace Planted\n{\n" + (topLevel ? snippet : "static class Host\n{\n    static void Body()\n    {\n        " + snippet + "\n    }\n}") + "\n}\n";
        return new Dictionary<string, string> { ["Planted.cs"] = text };
    }
}
