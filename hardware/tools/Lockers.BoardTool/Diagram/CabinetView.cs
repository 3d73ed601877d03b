using Lockers.BoardTool.Model;

namespace Lockers.BoardTool.Diagram;

/// <summary>The cabinet seen from the front: columns left to right, row 0 at the bottom, door
/// heights in proportion to size (S 1, M 2, L 4, XL 6 units).</summary>
public static class CabinetView
{
    private const double ColumnWidth = 58, Unit = 15;

    public static double Height(BoardFile board) => 40 + TallestColumn(board) * Unit + 36;

    public static void Draw(SvgCanvas svg, BoardFile board, double x, double y)
    {
        svg.Text(x, y + 12, "Cabinet, front view (row 0 at the bottom)", 13, weight: "bold");
        var floor = y + 30 + TallestColumn(board) * Unit;
        foreach (var column in Columns(board))
        {
            var left = x + column.Key * (ColumnWidth + 6);
            var bottom = floor;
            foreach (var compartment in column.OrderBy(c => c.Row))
            {
                var height = Units(compartment.Size) * Unit;
                var fill = compartment.Accessible == true ? "#e3f1ff" : "#ffffff";
                svg.Rect(left, bottom - height, ColumnWidth, height, fill: fill, radius: 1);
                svg.Text(left + ColumnWidth / 2, bottom - height / 2 + 4, $"{compartment.Number} {compartment.Size}", 10, "middle");
                bottom -= height;
            }
        }
        svg.Rect(x, floor + 12, 14, 10, fill: "#e3f1ff", radius: 1);
        svg.Text(x + 20, floor + 21, "accessible (reachable from a wheelchair)", 10.5);
    }

    private static IEnumerable<IGrouping<int, Compartment>> Columns(BoardFile board) =>
        (board.Compartments ?? []).GroupBy(c => c.Column ?? 0).OrderBy(g => g.Key);

    private static int TallestColumn(BoardFile board) =>
        Columns(board).Select(c => c.Sum(x => Units(x.Size))).DefaultIfEmpty(0).Max();

    private static int Units(string? size) => size switch
    {
        "S" => 1,
        "M" => 2,
        "L" => 4,
        "XL" => 6,
        _ => 1,
    };
}
