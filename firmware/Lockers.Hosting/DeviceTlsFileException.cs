namespace Lockers.Hosting;

/// <summary>A TLS file a device config names was refused; <see cref="Path"/> is that file.</summary>
public sealed class DeviceTlsFileException(string path, string problem, Exception inner) : Exception(path + ": " + problem, inner)
{
    /// <summary>The refused file.</summary>
    public string Path { get; } = path;

    /// <summary>What is wrong with it, without the path.</summary>
    public string Problem { get; } = problem;
}
