using System.Text;
using Lockers.Core.Doors;
using Lockers.Simulator.Locker;

namespace Lockers.Simulator.Terminal;

/// <summary>Draws a locker as plain text: the doors in their cabinet positions (row 0 at the bottom), then the display and status.</summary>
public static class DoorGridRenderer
{
    private const int CellWidth = 16;

    /// <summary>The whole screen for <paramref name="locker"/>.</summary>
    public static string Render(SimulatedLocker locker)
    {
        var text = new StringBuilder();
        var compartments = locker.Board.Compartments;
        int columns = compartments.Max(c => c.Column) + 1;
        int rows = compartments.Max(c => c.Row) + 1;
        text.AppendLine($"Locker {locker.LockerId}  board {locker.Board.Name}  {(locker.IsRunning ? locker.IsConnected ? "online" : "offline (journaling)" : "POWER OFF")}");
        text.AppendLine();
        for (int row = rows - 1; row >= 0; row--)
        {
            for (int column = 0; column < columns; column++)
            {
                var compartment = compartments.FirstOrDefault(c => c.Column == column && c.Row == row);
                text.Append(compartment is null ? new string(' ', CellWidth) : Cell(locker, compartment.Number));
            }

            text.AppendLine();
        }

        var controller = locker.Controller;
        text.AppendLine();
        text.AppendLine($"display: [{locker.Feedback.Text.Replace("\n", " / ", StringComparison.Ordinal)}]   led: {locker.Feedback.Led}   beeps: {locker.Feedback.Beeps.Length}");
        text.AppendLine($"journal: {controller?.JournalDepth ?? 0} waiting   next seq: {controller?.NextEventSeq ?? 0}   boot: {controller?.BootCount ?? 0}");
        text.AppendLine("keys: digits * #  |  scan <text>  close|jam|unjam|force <n>  power  help  quit");
        return text.ToString();
    }

    private static string Cell(SimulatedLocker locker, int number)
    {
        var door = locker.Cabinet[number];
        string state = door.IsOpen ? "OPEN" : "shut";
        if (door.IsJammed) state += "!J";
        if (door.IsEnergised) state += "*";
        var controller = locker.Controller;
        if (controller is not null && locker.IsRunning)
        {
            state += " " + ShortState(controller, number);
        }

        return ("[" + number.ToString().PadLeft(2) + " " + state + "]").PadRight(CellWidth);
    }

    private static string ShortState(Lockers.Core.App.LockerController controller, int number)
    {
        var state = controller.GetDoorState(number);
        return state switch
        {
            DoorState.Locked => "",
            DoorState.Jammed => "jam",
            DoorState.Forced => "frc",
            DoorState.LeftOpen => "left",
            _ => "",
        };
    }
}
