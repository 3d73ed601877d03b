using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Lockers.Core.Board;
using Lockers.Core.Config;

namespace Lockers.Controller.Linux.Hosting;

/// <summary>
/// The controller's files: the device config (<c>locker.json</c>, as the gateway's <c>locker provision</c>
/// writes it), the board file it names (looked up next to it unless given), and the broker's CA certificate
/// (<c>ca.pem</c> next to the config, optional). Every refusal names the file.
/// </summary>
public sealed class ControllerFiles
{
    /// <summary>The CA file looked for next to the device config.</summary>
    public const string CaFileName = "ca.pem";

    private ControllerFiles(DeviceConfig config, BoardDefinition board, string boardPath, X509Certificate2? brokerCa)
    {
        Config = config;
        Board = board;
        BoardPath = boardPath;
        BrokerCa = brokerCa;
    }

    /// <summary>The device configuration.</summary>
    public DeviceConfig Config { get; }

    /// <summary>The board the controller drives.</summary>
    public BoardDefinition Board { get; }

    /// <summary>Where the board file was read from.</summary>
    public string BoardPath { get; }

    /// <summary>The CA the broker's certificate must chain to, or null to use the system's trust store.</summary>
    public X509Certificate2? BrokerCa { get; }

    /// <summary>
    /// Reads and checks the files; throws <see cref="ControllerFileException"/> naming the first file refused.
    /// Nothing is driven before this succeeds, so a bad file leaves every pin as the kernel left it: locked.
    /// </summary>
    public static ControllerFiles Load(string configPath, string? boardPath = null)
    {
        var config = Parse(configPath, DeviceConfigLoader.Load, (DeviceConfigException e) => e.Problems);
        string directory = Path.GetDirectoryName(Path.GetFullPath(configPath))!;
        boardPath ??= Path.Combine(directory, config.BoardFile);
        var board = Parse(boardPath, BoardLoader.Load, (BoardException e) => e.Problems);
        if (!RaspberryPiPins.IsRaspberryPi(board.Mcu))
        {
            throw new ControllerFileException(boardPath, new[] { $"mcu: '{board.Mcu}' is not a Raspberry Pi; the Linux controller needs a board file for one" });
        }

        X509Certificate2? ca = null;
        string caPath = Path.Combine(directory, CaFileName);
        if (config.Broker.Tls && File.Exists(caPath))
        {
            try
            {
                ca = X509Certificate2.CreateFromPem(File.ReadAllText(caPath));
            }
            catch (Exception error) when (error is CryptographicException or ArgumentException or IOException)
            {
                throw new ControllerFileException(caPath, new[] { "not a PEM certificate: " + error.Message }, error);
            }
        }

        return new ControllerFiles(config, board, boardPath, ca);
    }

    private static T Parse<T, TError>(string path, Func<string, T> load, Func<TError, string[]> problems)
        where TError : Exception
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new ControllerFileException(path, new[] { "cannot be read: " + error.Message }, error);
        }

        try
        {
            return load(text);
        }
        catch (TError error)
        {
            throw new ControllerFileException(path, problems(error), error);
        }
    }
}
