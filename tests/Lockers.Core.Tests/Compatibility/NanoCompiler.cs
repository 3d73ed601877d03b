using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Lockers.Core.Tests.Compatibility;

/// <summary>
/// Compiles C# the way firmware/Lockers.Core.NanoCheck does: C# 9, NANOFRAMEWORK_1_0, nullable annotations,
/// against nanoFramework's real mscorlib.dll plus the declaration-only stand-ins in
/// firmware/NanoFramework/StandIns.Core (compiled here from their sources, against the same mscorlib).
/// </summary>
internal static class NanoCompiler
{
    private static readonly CSharpParseOptions Parse =
        new(LanguageVersion.CSharp9, preprocessorSymbols: new[] { "NANOFRAMEWORK_1_0" });

    private static readonly CSharpCompilationOptions Library =
        new(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Annotations);

    private static readonly Lazy<MetadataReference> Mscorlib = new(() => MetadataReference.CreateFromFile(MscorlibPath));

    private static readonly Lazy<MetadataReference> StandIns = new(BuildStandIns);

    public static string MscorlibPath
    {
        get
        {
            string? path = typeof(NanoCompiler).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == "NanoMscorlibPath")?.Value;
            if (string.IsNullOrEmpty(path) || !File.Exists(path))
            {
                throw new InvalidOperationException("nanoFramework's mscorlib.dll not found (" + path + "); restore the test project");
            }

            return path;
        }
    }

    public static string StandInSources => Path.Combine(RepoPaths.Root, "firmware", "NanoFramework", "StandIns.Core");

    /// <summary>
    /// Every error of compiling <paramref name="sources"/> (file name to text), as "file(line): CSxxxx: message".
    /// Emitted, as the build does: a missing compiler-required member (an iterator's or an async method's) is only
    /// reported then.
    /// </summary>
    public static List<string> Errors(IReadOnlyDictionary<string, string> sources)
    {
        using var image = new MemoryStream();
        return Compile("Planted", sources, Mscorlib.Value, StandIns.Value)
            .Emit(image)
            .Diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(Describe)
            .ToList();
    }

    private static MetadataReference BuildStandIns()
    {
        var sources = Directory.GetFiles(StandInSources, "*.cs").ToDictionary(f => Path.GetFileName(f), File.ReadAllText);
        var compilation = Compile("NanoFramework.StandIns.Core", sources, Mscorlib.Value);
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
        {
            throw new InvalidOperationException("the stand-ins do not compile:\n" + string.Join("\n", result.Diagnostics.Select(Describe)));
        }

        return MetadataReference.CreateFromImage(image.ToArray());
    }

    private static CSharpCompilation Compile(string name, IReadOnlyDictionary<string, string> sources, params MetadataReference[] references) =>
        CSharpCompilation.Create(
            name,
            sources.Select(s => CSharpSyntaxTree.ParseText(s.Value, Parse, s.Key)),
            references,
            Library);

    private static string Describe(Diagnostic d)
    {
        var span = d.Location.GetLineSpan();
        return $"{Path.GetFileName(span.Path)}({span.StartLinePosition.Line + 1}): {d.Id}: {d.GetMessage()}";
    }
}
