namespace Lockers.Controller.Linux.Hosting;

/// <summary>A configuration, board or certificate file was refused; the message names the file and every problem.</summary>
public sealed class ControllerFileException : Exception
{
    /// <summary>Refuses <paramref name="path"/> for <paramref name="problems"/>.</summary>
    public ControllerFileException(string path, IEnumerable<string> problems, Exception? inner = null)
        : base(path + ": " + string.Join("; ", problems), inner)
    {
        Path = path;
    }

    /// <summary>The refused file.</summary>
    public string Path { get; }
}
