using System.Reflection;
using System.Runtime.CompilerServices;
using Lockers.Core.Doors;

namespace Lockers.Core.Tests.Compatibility;

/// <summary>
/// The core must compile for nanoFramework 1.x. Lockers.Core.NanoCheck compiles it against the real mscorlib, which
/// stops absent APIs, int?, records, tuples, yield, async and index/range (RealMscorlibCompileTests); BannedSymbols.txt
/// stops what compiles there but misbehaves. These tests catch what neither can: generic definitions of our own (C#
/// compiles them against any mscorlib; nanoFramework's metadata processor rejects them) and init accessors
/// (mscorlib 1.17.11 declares IsExternalInit). The scan's other rules overlap the real compile and stay for their
/// file:line messages.
/// </summary>
public class NanoFrameworkSubsetTests
{
    [Fact]
    public void CoreSources_UseOnlyTheNanoFrameworkSubset()
    {
        Assert.True(Directory.Exists(RepoPaths.CoreSources), RepoPaths.CoreSources);
        var hits = NanoSubsetScanner.ScanFolder(RepoPaths.CoreSources);

        Assert.True(hits.Count == 0, "not nanoFramework 1.x C#:\n" + string.Join("\n", hits));
    }

    [Fact]
    public void CoreSources_AreFound()
    {
        var files = Directory.GetFiles(RepoPaths.CoreSources, "*.cs", SearchOption.AllDirectories);

        Assert.Contains(files, f => f.EndsWith("DoorController.cs"));
    }

    [Theory]
    [InlineData("class Box<T> { }", "generic type definition")]
    [InlineData("public sealed class Pair < TA, TB >", "generic type definition")]
    [InlineData("interface IThing<T>", "generic type definition")]
    [InlineData("struct Cell<T> { }", "generic type definition")]
    [InlineData("public delegate void Handler<T>(T value);", "generic delegate")]
    [InlineData("public static T First<T>(object[] items)", "generic method or call")]
    [InlineData("var x = Make<int>();", "generic method or call")]
    [InlineData("    where T : class", "generic constraint")]
    [InlineData("private int? _count;", "nullable value type")]
    [InlineData("public long? Deadline { get; }", "nullable value type")]
    [InlineData("bool? flag = null;", "nullable value type")]
    [InlineData("DateTime? when;", "nullable value type")]
    [InlineData("TimeSpan? after;", "nullable value type")]
    [InlineData("void M(byte? b, char? c, ushort? u, double? d, Guid? g) { }", "nullable value type")]
    [InlineData("public record Point(int X, int Y);", "record")]
    [InlineData("public sealed record class Thing { }", "record")]
    [InlineData("public int X { get; init; }", "init accessor")]
    [InlineData("yield return item;", "yield")]
    [InlineData("public async void Run() { }", "async")]
    [InlineData("await Later();", "await")]
    [InlineData("using System.Linq;", "banned using")]
    [InlineData("using System.Collections.Generic;", "banned using")]
    [InlineData("using System.Threading.Tasks;", "banned using")]
    [InlineData("var t = ValueTuple.Create(1, 2);", "tuple")]
    [InlineData("Tuple t;", "tuple")]
    [InlineData("public (int a, int b) Split(string s)", "tuple return type")]
    [InlineData("char last = text[^1];", "index or range")]
    [InlineData("var head = items[1..3];", "index or range")]
    public void Scanner_CatchesPlantedSample(string line, string rule)
    {
        var hits = NanoSubsetScanner.Scan(new Dictionary<string, string> { ["Planted.cs"] = "namespace N\n{\n" + line + "\n}\n" });

        Assert.Contains(hits, h => h.StartsWith("Planted.cs:3: " + rule + ":"));
    }

    [Fact]
    public void Scanner_CatchesNullableOfOwnEnumAndStruct()
    {
        var sources = new Dictionary<string, string>
        {
            ["Kinds.cs"] = "public enum DoorMood { Calm }\npublic struct Reading { }\n",
            ["Use.cs"] = "class U\n{\n    DoorMood? mood;\n    Reading? last;\n}\n",
        };

        var hits = NanoSubsetScanner.Scan(sources);

        Assert.Contains("Use.cs:3: nullable value type: DoorMood? mood;", hits);
        Assert.Contains("Use.cs:4: nullable value type: Reading? last;", hits);
    }

    [Fact]
    public void Scanner_IgnoresCommentsAndLiterals()
    {
        const string source = """
            // class Box<T> and int? here are only a comment
            /* List<int> items; yield return x;
               bool? flag; */
            /// <see cref="Foo{T}"/> returns an int?
            class Clean
            {
                string a = "class Box<T> { int? x; }";
                string b = @"yield return ""quoted"" int?";
                string c = $"record {a} int?";
                char d = '<';
                char e = '\'';
            }
            """;

        Assert.Empty(NanoSubsetScanner.Scan(new Dictionary<string, string> { ["Clean.cs"] = source }));
    }

    [Fact]
    public void Scanner_AllowsOrdinaryOperators()
    {
        const string source = """
            class Ops
            {
                object M(Ops? other, int a, int b, bool ok)
                {
                    int n = ok ? a : b;
                    bool less = a < b && b > (a - 1);
                    string? s = other?.ToString() ?? "none";
                    int[] slice = new int[a];
                    return s is string ? n : less;
                }
            }
            """;

        Assert.Empty(NanoSubsetScanner.Scan(new Dictionary<string, string> { ["Ops.cs"] = source }));
    }

    [Fact]
    public void Scanner_SkipsDotNetOnlyRegions()
    {
        const string source = """
            class Culture
            {
            #if NANOFRAMEWORK_1_0
                int plain;
            #else
                int? onlyOnDotNet;
            #endif
            #if !NANOFRAMEWORK_1_0
                System.Collections.Generic.List<int> alsoDotNet = Build<int>();
            #endif
                long? caught;
            }
            """;

        var hits = NanoSubsetScanner.Scan(new Dictionary<string, string> { ["Culture.cs"] = source });

        Assert.Equal(new[] { "Culture.cs:11: nullable value type: long? caught;" }, hits);
    }

    [Fact]
    public void CoreAssembly_HasNoGenericOrNullableValueTypeSignatures()
    {
        var problems = SignatureProblems(typeof(DoorController).Assembly.GetTypes());

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void SignatureCheck_FindsPlantedGenerics()
    {
        var problems = SignatureProblems(new[] { typeof(PlantedGeneric<>), typeof(PlantedMembers) });

        Assert.Contains(problems, p => p.Contains("generic type definition"));
        Assert.Contains(problems, p => p.Contains("Maybe") && p.Contains("Nullable"));
        Assert.Contains(problems, p => p.Contains("Convert") && p.Contains("generic method"));
        Assert.Contains(problems, p => p.Contains("Items") && p.Contains("List"));
    }

    /// <summary>Every generic definition, generic method and generic (incl. Nullable) member type in the assembly.</summary>
    private static List<string> SignatureProblems(Type[] types)
    {
        var problems = new List<string>();
        foreach (var type in types.Where(t => !IsCompilerGenerated(t)))
        {
            if (type.IsGenericTypeDefinition) problems.Add($"{type.FullName}: generic type definition");
            const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var member in type.GetMembers(all).Where(m => !IsCompilerGenerated(m)))
            {
                foreach (var (what, used) in TypesIn(member))
                {
                    if (IsGenericUse(used)) problems.Add($"{type.FullName}.{member.Name}: {what} {used}");
                }

                if (member is MethodInfo { IsGenericMethodDefinition: true }) problems.Add($"{type.FullName}.{member.Name}: generic method");
            }
        }

        return problems;
    }

    private static IEnumerable<(string What, Type Used)> TypesIn(MemberInfo member)
    {
        switch (member)
        {
            case FieldInfo f: yield return ("field", f.FieldType); break;
            case PropertyInfo p: yield return ("property", p.PropertyType); break;
            case EventInfo e: yield return ("event", e.EventHandlerType!); break;
            case MethodBase m:
                if (m is MethodInfo mi) yield return ("return", mi.ReturnType);
                foreach (var parameter in m.GetParameters()) yield return ("parameter", parameter.ParameterType);
                break;
        }
    }

    private static bool IsGenericUse(Type type)
    {
        while (type.HasElementType) type = type.GetElementType()!;
        return type.IsGenericType || type.IsGenericParameter;
    }

    private static bool IsCompilerGenerated(MemberInfo member) =>
        member.Name.Contains('<') || member.IsDefined(typeof(CompilerGeneratedAttribute), false);

    private sealed class PlantedGeneric<T>
    {
        public T? Value { get; set; }
    }

    private sealed class PlantedMembers
    {
        public int? Maybe { get; set; }

        public List<string> Items { get; } = new();

        public T Convert<T>(object value) => (T)value;
    }
}
