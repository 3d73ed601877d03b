namespace Lockers.Gateway.Staff;

/// <summary>
/// <c>staff add --user NAME --role viewer|maintenance|admin</c>: creates a dashboard account, or resets its role
/// and password. The password is read from standard input (first line), never from the command line, where
/// it would land in shell history and the process list.
/// </summary>
public static class StaffCommand
{
    public const string Usage = "Lockers.Gateway staff add --user NAME --role viewer|maintenance|admin   (password on stdin)";

    public static async Task<int> RunAsync(StaffService staff, string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        if (args is not ["add", .. var rest] || Option(rest, "--user") is not { } user
            || !StaffRoles.TryParse(Option(rest, "--role"), out var role))
        {
            error.WriteLine("usage: " + Usage);
            return 2;
        }
        if (!Console.IsInputRedirected && ReferenceEquals(input, Console.In))
        {
            output.Write($"password for {user} (at least {StaffService.MinimumPasswordLength} characters): ");
        }
        var password = await input.ReadLineAsync() ?? "";
        try
        {
            var created = await staff.SaveAsync(user, role, password, "admin:cli");
            output.WriteLine($"{(created ? "created" : "updated")} staff user {user} with role {role.ToWire()}");
            return 0;
        }
        catch (ArgumentException ex)
        {
            error.WriteLine("error: " + ex.Message);
            return 1;
        }
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
