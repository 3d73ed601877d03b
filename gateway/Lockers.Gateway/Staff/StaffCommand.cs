namespace Lockers.Gateway.Staff;

/// <summary>
/// The staff account commands (ADR 0302: every change of rights ends the account's sessions at once):
/// <c>staff add --user NAME --role viewer|maintenance|admin</c> creates an account or resets its role and password (read from
/// standard input, first line, never from the command line, where it would land in shell history and the process list);
/// <c>staff role --user NAME --role ROLE</c>; <c>staff disable --user NAME</c>; <c>staff enable --user NAME</c>.
/// </summary>
public static class StaffCommand
{
    public const string Usage = """
        Lockers.Gateway staff add --user NAME --role viewer|maintenance|admin   (password on stdin)
          Lockers.Gateway staff role --user NAME --role viewer|maintenance|admin
          Lockers.Gateway staff disable|enable --user NAME
        """;

    public static async Task<int> RunAsync(StaffService staff, string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        try
        {
            switch (args)
            {
                case ["add", .. var rest] when Option(rest, "--user") is { } user && StaffRoles.TryParse(Option(rest, "--role"), out var role):
                    if (!Console.IsInputRedirected && ReferenceEquals(input, Console.In))
                    {
                        output.Write($"password for {user} (at least {StaffService.MinimumPasswordLength} characters): ");
                    }
                    var password = await input.ReadLineAsync() ?? "";
                    var created = await staff.SaveAsync(user, role, password, "admin:cli");
                    output.WriteLine($"{(created ? "created" : "updated")} staff user {user} with role {role.ToWire()}" +
                                     (created ? "" : "; its sessions ended"));
                    return 0;
                case ["role", .. var rest] when Option(rest, "--user") is { } user && StaffRoles.TryParse(Option(rest, "--role"), out var role):
                    return Done(await staff.ChangeRoleAsync(user, role, "admin:cli"), user, $"now {role.ToWire()}; its sessions ended", output, error);
                case ["disable" or "enable", .. var rest] when Option(rest, "--user") is { } user:
                    var disable = args[0] == "disable";
                    return Done(await staff.SetDisabledAsync(user, disable, "admin:cli"), user,
                        disable ? "disabled; its sessions ended" : "enabled", output, error);
                default:
                    error.WriteLine("usage: " + Usage);
                    return 2;
            }
        }
        catch (ArgumentException ex)
        {
            error.WriteLine("error: " + ex.Message);
            return 1;
        }
    }

    private static int Done(bool found, string user, string what, TextWriter output, TextWriter error)
    {
        if (!found)
        {
            error.WriteLine($"error: there is no staff user {user}");
            return 1;
        }
        output.WriteLine($"staff user {user} {what}");
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
