using System.Globalization;
using System.Text;

namespace Lockers.BoardTool.Diagram;

/// <summary>
/// Writes SVG elements as text. Output depends only on the calls made (invariant culture, "\n"
/// line ends, no timestamps), so drawing the same board twice gives identical bytes.
/// </summary>
public sealed class SvgCanvas
{
    public const string Font = "DejaVu Sans Mono, Menlo, Consolas, monospace";
    private readonly StringBuilder _body = new();

    public void Rect(double x, double y, double width, double height, string fill = "#ffffff", string stroke = "#333333", double strokeWidth = 1.2, double radius = 4) =>
        Append($"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(width)}\" height=\"{N(height)}\" rx=\"{N(radius)}\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{N(strokeWidth)}\"/>");

    public void Line(double x1, double y1, double x2, double y2, string stroke = "#333333", double strokeWidth = 1.2, bool arrow = false) =>
        Append($"<line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\" stroke=\"{stroke}\" stroke-width=\"{N(strokeWidth)}\"{(arrow ? " marker-end=\"url(#arrow)\"" : "")}/>");

    public void Dot(double x, double y, string fill = "#333333") =>
        Append($"<circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"2.5\" fill=\"{fill}\"/>");

    /// <param name="anchor">"start", "middle" or "end".</param>
    public void Text(double x, double y, string text, double size = 11, string anchor = "start", string weight = "normal", string fill = "#111111") =>
        Append($"<text x=\"{N(x)}\" y=\"{N(y)}\" font-size=\"{N(size)}\" text-anchor=\"{anchor}\" font-weight=\"{weight}\" fill=\"{fill}\">{Escape(text)}</text>");

    public string ToSvg(double width, double height, string title)
    {
        var svg = new StringBuilder();
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{N(width)}\" height=\"{N(height)}\" viewBox=\"0 0 {N(width)} {N(height)}\" font-family=\"{Font}\">\n");
        svg.Append($"<title>{Escape(title)}</title>\n");
        svg.Append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#333333\"/></marker></defs>\n");
        svg.Append($"<rect x=\"0\" y=\"0\" width=\"{N(width)}\" height=\"{N(height)}\" fill=\"#ffffff\"/>\n");
        svg.Append(_body);
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private void Append(string element) => _body.Append(element).Append('\n');

    private static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    private static string Escape(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");
}
