using Lockers.Core.Board;
using Lockers.Core.Config;

namespace Lockers.Simulator.Locker;

/// <summary>A device configuration or board file was refused; the message names the file and every problem (as the Linux host's).</summary>
public sealed class LockerFileException(string path, IEnumerable<string> problems, DeviceConfig? config, Exception? inner = null)
    : Exception(path + ": " + string.Join("; ", problems), inner)
{
    /// <summary>The refused file.</summary>
    public string Path { get; } = path;

    /// <summary>The device configuration when it was sound and the board file was refused: the locker can still tell the gateway.</summary>
    public DeviceConfig? Config { get; } = config;
}

/// <summary>
/// The simulated locker's two files: the device configuration (<c>locker.json</c>) and the board file it names (under
/// <c>hardware/boards</c> unless given). Every refusal names the file and what is wrong with it, as the Linux host's
/// ControllerFiles does, never a stack trace.
/// </summary>
public static class LockerFiles
{
    /// <summary>Reads and checks both files; throws <see cref="LockerFileException"/> for the first refused.</summary>
    public static (DeviceConfig Config, BoardDefinition Board, string BoardPath) Load(string configPath, string? boardPath)
    {
        var config = Parse(configPath, null, DeviceConfigLoader.Load, (DeviceConfigException e) => e.Problems);
        boardPath ??= System.IO.Path.Combine("hardware", "boards", config.BoardFile);
        var board = Parse(boardPath, config, BoardLoader.Load, (BoardException e) => e.Problems);
        return (config, board, boardPath);
    }

    private static T Parse<T, TError>(string path, DeviceConfig? config, Func<string, T> load, Func<TError, string[]> problems)
        where TError : Exception
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new LockerFileException(path, ["cannot be read: " + error.Message], config, error);
        }

        try
        {
            return load(text);
        }
        catch (TError error)
        {
            throw new LockerFileException(path, problems(error), config, error);
        }
    }
}
