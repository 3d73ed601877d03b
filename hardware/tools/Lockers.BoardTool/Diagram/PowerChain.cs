namespace Lockers.BoardTool.Diagram;

/// <summary>The supply path every board shares, left to right, with the figures from
/// hardware/power-budget.md.</summary>
public static class PowerChain
{
    private static readonly (string Title, string Detail)[] Stages =
    [
        ("12 V DC in", "PSU 12 V >= 3 A"),
        ("fuse 3 A", "time-delay blade"),
        ("reverse polarity", "P-MOSFET, gate zener"),
        ("surge", "TVS SMBJ15A, 1000 uF"),
        ("+12 V rail", "lock solenoids"),
        ("buck 12 -> 5 V", "scanner, buzzer"),
        ("LDO 5 -> 3.3 V", "ESP32 and logic"),
    ];

    // A Raspberry Pi takes 5 V (3 A for a Pi 4) on its header and makes its own 3.3 V.
    private static readonly (string Title, string Detail) PiLast = ("Pi 5 V in", "Pi; its 3.3 V: logic");

    public const double Height = 46;

    public static void Draw(SvgCanvas svg, double x, double y, bool raspberryPi = false)
    {
        const double width = 170, gap = 30;
        svg.Text(x, y - 8, "Power", 13, weight: "bold");
        for (var i = 0; i < Stages.Length; i++)
        {
            var left = x + i * (width + gap);
            svg.Rect(left, y, width, Height, fill: i == 4 ? "#fff1e6" : "#f4f6fb");
            var (title, detail) = raspberryPi && i == Stages.Length - 1 ? PiLast : Stages[i];
            svg.Text(left + width / 2, y + 19, title, 12, "middle", "bold");
            svg.Text(left + width / 2, y + 35, detail, 10.5, "middle");
            if (i > 0) svg.Line(left - gap, y + Height / 2, left - 2, y + Height / 2, arrow: true);
        }
    }
}
