using System.Text.Json;
using Lockers.Testing;
using Microsoft.Playwright;

namespace Lockers.Dashboard.Tests.Support;

/// <summary>
/// axe-core (pinned in tests/a11y/package-lock.json, installed by ./lockers test with npm ci) run inside a page. It is
/// evaluated through the DevTools protocol, which the dashboard's Content-Security-Policy does not govern, so the pages
/// are checked exactly as served.
/// </summary>
public static class Axe
{
    private static readonly Lazy<string> Source = new(() =>
    {
        var path = RepositoryRoot.File("tests", "a11y", "node_modules", "axe-core", "axe.min.js");
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} is missing: run ./lockers test (npm ci --prefix tests/a11y installs it).");
        }
        return File.ReadAllText(path);
    });

    /// <summary>One rule broken on the page: its id, how bad, and where (CSS selectors of the offending nodes).</summary>
    public sealed record Violation(string Id, string Impact, string Help, IReadOnlyList<string> Targets)
    {
        public override string ToString() => $"{Impact} {Id}: {Help} at {string.Join(", ", Targets)}";
    }

    /// <summary>
    /// Every WCAG 2.x A/AA and best-practice rule, plus label-content-name-mismatch (a visible label that the accessible
    /// name does not contain, which voice control users cannot say), over the whole page as it is now.
    /// </summary>
    public static async Task<IReadOnlyList<Violation>> RunAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
        {
            await page.EvaluateAsync("() => {" + Source.Value + "\n}");
            // axe-core's UMD wrapper sets window.axe when no module system is around.
        }
        var json = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const result = await axe.run(document, {
                runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
                rules: { 'label-content-name-mismatch': { enabled: true } },
                resultTypes: ['violations', 'passes'],
              });
              if (result.passes.length === 0) throw new Error('axe-core checked nothing');
              return result.violations.map(v => ({ id: v.id, impact: v.impact || '', help: v.help,
                targets: v.nodes.map(n => n.target.join(' ')) }));
            }
            """);
        return json.EnumerateArray().Select(v => new Violation(v.GetProperty("id").GetString()!, v.GetProperty("impact").GetString()!,
            v.GetProperty("help").GetString()!, v.GetProperty("targets").EnumerateArray().Select(t => t.GetString()!).ToList())).ToList();
    }

    /// <summary>Fails with every serious or critical violation, each with its place on the page.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string where)
    {
        var serious = (await RunAsync(page)).Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"axe-core on {where}:\n" + string.Join("\n", serious));
    }
}
