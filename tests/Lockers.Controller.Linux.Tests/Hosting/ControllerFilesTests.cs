using Lockers.Controller.Linux.Hosting;
using Lockers.Controller.Linux.Tests.Support;
using Lockers.Testing;
using Lockers.Testing.Mosquitto;

namespace Lockers.Controller.Linux.Tests.Hosting;

/// <summary>
/// locker.json, the board file and the TLS files locker.json names: each refusal names the file, and a refused file stops
/// the controller before any pin is touched.
/// </summary>
public sealed class ControllerFilesTests : IAsyncLifetime
{
    private readonly ControllerFolder _folder = new();
    private TestCertificates _pki = null!;

    public async Task InitializeAsync() => _pki = await TestCertificates.CreateAsync(Path.Combine(_folder.Directory, "test-ca"));

    public Task DisposeAsync()
    {
        _pki.Dispose();
        _folder.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public void ProvisionedConfig_NextToItsPiBoard_Loads()
    {
        _folder.WriteConfig(tls: false);

        var files = ControllerFiles.Load(_folder.ConfigPath);

        Assert.Equal(_folder.LockerId, files.Config.LockerId);
        Assert.Equal("pi-10", files.Board.Name);
        Assert.Null(files.BrokerTls);
    }

    [Fact]
    public void MissingConfig_IsRefused_NamingTheFile()
    {
        var refused = Assert.Throws<ControllerFileException>(() => ControllerFiles.Load(_folder.ConfigPath));

        Assert.Equal(_folder.ConfigPath, refused.Path);
        Assert.StartsWith(_folder.ConfigPath + ": cannot be read", refused.Message);
    }

    [Fact]
    public void ConfigWithProblems_IsRefused_NamingTheFileAndEveryProblem()
    {
        File.WriteAllText(_folder.ConfigPath, """{ "format": 1, "lockerId": "a b", "board": "pi-10.json" }""");

        var refused = Assert.Throws<ControllerFileException>(() => ControllerFiles.Load(_folder.ConfigPath));

        Assert.Equal(_folder.ConfigPath, refused.Path);
        Assert.Contains("lockerId", refused.Message);
        Assert.Contains("commandKey", refused.Message);
        Assert.Contains("broker", refused.Message);
    }

    [Fact]
    public void BoardFileWithAMistake_IsRefused_NamingTheBoardFile()
    {
        _folder.WriteConfig(tls: false);
        File.WriteAllText(_folder.BoardPath, File.ReadAllText(PiBoard.Path).Replace("\"buzzer\": 26", "\"buzzer\": 6"));

        var refused = Assert.Throws<ControllerFileException>(() => ControllerFiles.Load(_folder.ConfigPath));

        Assert.Equal(_folder.BoardPath, refused.Path);
        Assert.Contains("buzzer: GPIO 6 is pulled up at reset", refused.Message);
    }

    [Fact]
    public void Esp32BoardFile_IsRefused_TheLinuxControllerDrivesRaspberryPiBoards()
    {
        _folder.WriteConfig(tls: false);
        string esp32 = Path.Combine(_folder.Directory, "devkit-4.json");
        File.Copy(RepositoryRoot.DevKitBoard, esp32);

        var refused = Assert.Throws<ControllerFileException>(() => ControllerFiles.Load(_folder.ConfigPath, esp32));

        Assert.Equal(esp32, refused.Path);
        Assert.Contains("not a Raspberry Pi", refused.Message);
    }

    [Fact]
    public async Task ProvisionedTlsConfig_LoadsTheCaAndTheClientCertificateItNames()
    {
        _folder.WriteConfig(tls: true, clientCertificate: true);
        await _folder.WriteTlsFilesAsync(_pki);

        var tls = ControllerFiles.Load(_folder.ConfigPath).BrokerTls;

        Assert.NotNull(tls);
        Assert.Equal(_pki.CaCertificate.Thumbprint, tls.CaCertificate!.Thumbprint);
        Assert.Equal("CN=" + _folder.LockerId, tls.ClientCertificate!.Subject);
        Assert.True(tls.ClientCertificate.HasPrivateKey);
    }

    [Fact]
    public async Task GarbledCaFile_IsRefused_NamingIt()
    {
        _folder.WriteConfig(tls: true, clientCertificate: true);
        await _folder.WriteTlsFilesAsync(_pki);
        File.WriteAllText(_folder.CaPath, "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n");

        var refused = Assert.Throws<ControllerFileException>(() => ControllerFiles.Load(_folder.ConfigPath));

        Assert.Equal(_folder.CaPath, refused.Path);
        Assert.Contains("not a PEM certificate", refused.Message);
    }

    [Fact]
    public async Task MissingClientCertificate_IsRefused_NamingIt()
    {
        _folder.WriteConfig(tls: true, clientCertificate: true);
        await _folder.WriteTlsFilesAsync(_pki);
        File.Delete(_folder.CertificatePath);

        var refused = Assert.Throws<ControllerFileException>(() => ControllerFiles.Load(_folder.ConfigPath));

        Assert.Equal(_folder.CertificatePath, refused.Path);
        Assert.Contains("cannot be read", refused.Message);
    }

    [Fact]
    public async Task KeyOfAnotherCertificate_IsRefused_NamingTheKeyFile()
    {
        _folder.WriteConfig(tls: true, clientCertificate: true);
        await _folder.WriteTlsFilesAsync(_pki);
        await _pki.WriteClientCertificateAsync("another-locker", Path.Combine(_folder.Directory, "other"), "locker");
        File.Copy(Path.Combine(_folder.Directory, "other", "locker.key"), _folder.KeyPath, overwrite: true);

        var refused = Assert.Throws<ControllerFileException>(() => ControllerFiles.Load(_folder.ConfigPath));

        Assert.Equal(_folder.KeyPath, refused.Path);
        Assert.Contains("not the PEM private key of locker.crt", refused.Message);
    }

    [Fact]
    public async Task Program_RefusedConfig_ExitsWithTheConfigCode_BeforeOpeningAnyBus()
    {
        File.WriteAllText(_folder.ConfigPath, "{ not json");

        // The host's real bus (libgpiod) is never opened: there is none on this machine, and opening it would throw.
        int exit = await Program.Main(["--config", _folder.ConfigPath, "--storage", _folder.StorageDirectory]);

        Assert.Equal(Program.ConfigExitCode, exit);
        Assert.False(Directory.Exists(_folder.StorageDirectory));
    }

    [Fact]
    public void Arguments_Missing_PrintUsage()
    {
        var error = new StringWriter();

        Assert.Null(RunArguments.Parse(["--board", "x.json"], error));
        Assert.Contains("--config is required", error.ToString());
        Assert.Contains("usage: lockers-controller", error.ToString());
    }
}
