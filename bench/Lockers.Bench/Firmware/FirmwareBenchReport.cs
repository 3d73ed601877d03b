using System.Globalization;
using System.Text;

namespace Lockers.Bench.Firmware;

/// <summary>The firmware benchmark's result as Markdown tables, ready to paste into docs/performance.md.</summary>
public static class FirmwareBenchReport
{
    public static string Format(FirmwareBenchResult result)
    {
        var options = result.Options;
        var text = new StringBuilder();
        text.AppendLine(Invariant($"Firmware core allocation: managed bytes per operation on .NET, steady state, {options.Iterations:N0} iterations after {options.Warmup:N0}+ warm-up runs"));
        text.AppendLine(Invariant($"Machine: {result.ProcessorCount} cores (Environment.ProcessorCount); {result.Runtime}; device heap for comparison: {FirmwareFigure.DeviceHeapBytes / 1024:0} KB (ESP32, nanoFramework)"));
        if (options.Quick)
        {
            text.AppendLine("--quick: smoke-run sizes; the figures are real but barely warmed up.");
        }

        text.AppendLine();
        text.AppendLine("| Operation | Core allocates (B/op) | Wire payload (B/op) | Allocated / wire | Share of 79 KB heap | Ops per 79 KB | Target |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---|");
        foreach (var figure in result.Operations)
        {
            text.AppendLine(Row(figure));
        }

        text.AppendLine();
        text.AppendLine("Pickup, phase by phase (B per pickup):");
        text.AppendLine();
        text.AppendLine("| Phase | Core allocates (B) |");
        text.AppendLine("|---|---:|");
        foreach (var phase in result.PickupPhases)
        {
            text.AppendLine(Invariant($"| {phase.Operation} | {phase.BytesPerOp:N0} |"));
        }

        text.AppendLine();
        text.AppendLine("The pieces, measured alone (B per call):");
        text.AppendLine();
        text.AppendLine("| Piece | Allocates (B) | Its payload (B) |");
        text.AppendLine("|---|---:|---:|");
        foreach (var part in result.Parts)
        {
            text.AppendLine(Invariant($"| {part.Operation} | {part.BytesPerOp:N0} | {Bytes(part.WireBytesPerOp)} |"));
        }

        text.AppendLine();
        text.AppendLine("Reproduce: " + options.CommandLine);
        return text.ToString();
    }

    private static string Row(FirmwareFigure figure)
    {
        string ratio = figure.WireBytesPerOp > 0 ? Invariant($"{figure.BytesPerOp / figure.WireBytesPerOp:0.0}x") : "-";
        string share = Invariant($"{figure.BytesPerOp / FirmwareFigure.DeviceHeapBytes * 100:0.00}%");
        string perHeap = double.IsPositiveInfinity(figure.OpsPerDeviceHeap) ? "unbounded" : Invariant($"{figure.OpsPerDeviceHeap:N0}");
        string target = !figure.HasTarget ? "-"
            : Invariant($"{(figure.TargetBytes == 0 ? "0 B" : "< " + figure.TargetBytes.ToString("N0", CultureInfo.InvariantCulture) + " B")}: {(figure.MeetsTarget ? "met" : "MISSED")}");
        return Invariant($"| {figure.Operation} | {figure.BytesPerOp:N0} | {Bytes(figure.WireBytesPerOp)} | {ratio} | {share} | {perHeap} | {target} |");
    }

    private static string Bytes(double value) => value > 0 ? Invariant($"{value:N0}") : "-";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
