namespace Lockers.Testing.Mosquitto;

/// <summary>Finds the mosquitto executables: /usr/sbin first (Debian puts the broker there), then PATH.</summary>
public static class MosquittoBinary
{
    /// <summary>Full path of <paramref name="name"/> ("mosquitto", "mosquitto_passwd"), or an explanation of how to install it.</summary>
    public static string Find(string name = "mosquitto")
    {
        var candidates = new[] { "/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin" }
            .Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        foreach (var directory in candidates)
        {
            string path = Path.Combine(directory, name);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new InvalidOperationException($"'{name}' was not found in /usr/sbin or PATH: install mosquitto: apt-get install mosquitto");
    }
}
