using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Lockers.Testing;

namespace Lockers.Bench;

/// <summary>`./lockers bench micro [BenchmarkDotNet options]`: the BenchmarkDotNet classes of this project (Codec/, ...).</summary>
internal static class MicroCommand
{
    public static int Run(string[] args)
    {
        // Without a filter BenchmarkDotNet asks interactively which benchmarks to run; by default run them all.
        string[] effective = args.Length > 0 ? args : new[] { "--filter", "*" };
        // Reports go to artifacts/ (git-ignored) rather than BenchmarkDotNet.Artifacts/ in the checkout's root.
        var config = DefaultConfig.Instance.WithArtifactsPath(RepositoryRoot.File("artifacts", "benchmarks"));
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(MicroCommand).Assembly).Run(effective, config);
        return summaries.Any(summary => summary.HasCriticalValidationErrors) ? 1 : 0;
    }
}
