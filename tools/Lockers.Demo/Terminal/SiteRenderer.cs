using System.Text;
using Lockers.Core.Board;
using Lockers.Core.Doors;
using Lockers.Simulator.Locker;

namespace Lockers.Demo.Terminal;

/// <summary>Draws the site as text: each locker's doors in their cabinet positions (row 0 at the bottom), then what to do next.</summary>
public static class SiteRenderer
{
    private const int CellWidth = 17;

    public static string Render(DemoSession session, IReadOnlyList<string> messages)
    {
        var text = new StringBuilder();
        text.AppendLine($"Lockers demo: site {DemoPaths.SiteId}, gateway {session.GatewayUrl}, broker 127.0.0.1:{session.State.BrokerPort}, logs in {session.Paths.LogDirectory}");
        text.AppendLine($"Dashboard: {session.GatewayUrl}/dashboard  sign in as {DemoState.DashboardUser} / {session.State.DashboardPassword}");
        var parcels = session.Read(s => s.Parcels.ToList());
        foreach (var (letter, locker) in session.Lockers)
        {
            text.AppendLine();
            var status = locker.IsRunning ? locker.IsConnected ? "online" : "offline (journaling)" : "power off";
            text.AppendLine($"Locker {letter} ({locker.LockerId}) {status}   display: [{locker.Feedback.Text.Replace("\n", " / ", StringComparison.Ordinal)}]");
            AppendGrid(text, locker, parcels);
        }

        text.AppendLine();
        text.AppendLine("What you can do (P = a parcel waits behind that door):");
        text.Append(Guide.ForAll(parcels));
        if (messages.Count > 0)
        {
            text.AppendLine();
            foreach (var message in messages)
            {
                text.AppendLine(message);
            }
        }

        text.AppendLine("keys: a 123456#  |  scan a TEXT  close|jam|unjam|force a N  book M  codes  help  quit");
        return text.ToString();
    }

    private static void AppendGrid(StringBuilder text, SimulatedLocker locker, List<DemoParcel> parcels)
    {
        var compartments = locker.Board.Compartments;
        var columns = compartments.Max(c => c.Column) + 1;
        var rows = compartments.Max(c => c.Row) + 1;
        for (var row = rows - 1; row >= 0; row--)
        {
            text.Append("  ");
            for (var column = 0; column < columns; column++)
            {
                var compartment = compartments.FirstOrDefault(c => c.Column == column && c.Row == row);
                text.Append(compartment is null ? new string(' ', CellWidth) : Cell(locker, compartment.Number, CompartmentSizes.ToName(compartment.Size), parcels));
            }

            text.AppendLine();
        }
    }

    private static string Cell(SimulatedLocker locker, int number, string size, List<DemoParcel> parcels)
    {
        var door = locker.Cabinet[number];
        var state = door.IsOpen ? "OPEN" : "shut";
        if (door.IsJammed) state += "!J";
        var parcel = parcels.Any(p => p.LockerId == locker.LockerId && p.Compartment == number && p.Status is "ready_for_pickup" or "expired");
        var controller = locker.Controller;
        var alarm = controller is null ? "" : controller.GetDoorState(number) switch
        {
            DoorState.Jammed => " jam",
            DoorState.Forced => " frc",
            DoorState.LeftOpen => " left",
            _ => "",
        };
        return $"[{number,2} {size,-2} {state}{(parcel ? " P" : "")}{alarm}]".PadRight(CellWidth);
    }
}
