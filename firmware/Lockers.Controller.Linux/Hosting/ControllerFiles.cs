using Lockers.Core.Board;
using Lockers.Core.Config;
using Lockers.Hosting;
using Lockers.Mqtt.Channel;

namespace Lockers.Controller.Linux.Hosting;

/// <summary>
/// The controller's files: the device config (<c>locker.json</c>, as the gateway's <c>locker provision</c>
/// writes it), the board file it names (looked up next to it unless given), and the TLS files the config names
/// (<c>broker.caFile</c>, <c>certFile</c>, <c>keyFile</c>: <c>ca.crt</c>, <c>locker.crt</c>, <c>locker.key</c> as
/// provisioned), read next to it by the hosts' shared <see cref="DeviceTlsFiles"/>. Every refusal names the file.
/// </summary>
public sealed class ControllerFiles
{
    private ControllerFiles(DeviceConfig config, BoardDefinition board, string boardPath, MqttTlsOptions? brokerTls)
    {
        Config = config;
        Board = board;
        BoardPath = boardPath;
        BrokerTls = brokerTls;
    }

    /// <summary>The device configuration.</summary>
    public DeviceConfig Config { get; }

    /// <summary>The board the controller drives.</summary>
    public BoardDefinition Board { get; }

    /// <summary>Where the board file was read from.</summary>
    public string BoardPath { get; }

    /// <summary>
    /// Null for a plain connection (<c>broker.tls</c> false); otherwise the CA the broker's certificate must chain to (null:
    /// the system's trust store) and the locker's client certificate with its key, its broker identity (null: none).
    /// </summary>
    public MqttTlsOptions? BrokerTls { get; }

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

        MqttTlsOptions? tls;
        try
        {
            tls = DeviceTlsFiles.Load(config.Broker, directory);
        }
        catch (DeviceTlsFileException error)
        {
            throw new ControllerFileException(error.Path, new[] { error.Problem }, error);
        }

        return new ControllerFiles(config, board, boardPath, tls);
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
