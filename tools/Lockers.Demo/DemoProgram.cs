using Lockers.Demo.Terminal;

namespace Lockers.Demo;

/// <summary>The demo from start to stop: start (or resume) the session, say what to do, run the prompt, stop everything.</summary>
public static class DemoProgram
{
    public static async Task<int> RunAsync(DemoOptions options, TextReader input, TextWriter output, bool interactive, CancellationToken stop)
    {
        DemoSession session;
        try
        {
            output.WriteLine($"Lockers demo: data in {options.DataDirectory} (delete it to start over)");
            session = await DemoSession.StartAsync(options, output, stop);
        }
        catch (OperationCanceledException)
        {
            output.WriteLine("stopped while starting");
            return 130;
        }
        catch (DemoException ex)
        {
            output.WriteLine("lockers demo: " + ex.Message);
            return 1;
        }

        var failed = false;
        using var partFailed = CancellationTokenSource.CreateLinkedTokenSource(stop);
        session.PartFailed += message =>
        {
            failed = true;
            output.WriteLine("lockers demo: " + message);
            partFailed.Cancel();
        };
        await using (session)
        {
            output.WriteLine(session.FirstRun ? "Set up and booked. What you can do:" : "Resumed with the same data. What you can do:");
            output.Write(Guide.ForAll(session.Read(s => s.Parcels.ToList())));
            output.WriteLine(Guide.CourierBadgeLine(session.State));
            output.WriteLine("When a courier closes a door on a parcel, the carrier's webhook brings the recipient's PIN and parcel page link; they appear here.");
            output.WriteLine($"Maintenance dashboard: {session.GatewayUrl}/dashboard  (sign in as {DemoState.DashboardUser} / {session.State.DashboardPassword}): watch the doors live, acknowledge alarms, open doors.");
            if (!options.Once)
            {
                using var script = options.ScriptFile is null ? null : new StreamReader(options.ScriptFile);
                var terminal = new SiteTerminal(session, output, redraw: interactive && script is null);
                await terminal.RunAsync(script ?? input, partFailed.Token);
            }

            output.WriteLine("stopping: lockers, gateway, Mosquitto");
        }

        output.WriteLine("stopped; run ./lockers demo again to resume");
        return failed ? 1 : 0;
    }
}
