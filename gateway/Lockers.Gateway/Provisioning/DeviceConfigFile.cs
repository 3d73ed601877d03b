using Lockers.Core.Config;

namespace Lockers.Gateway.Provisioning;

/// <summary>
/// Writes a locker's device configuration, readable by its owner only (it holds the command key), in a folder made 0700 when
/// missing (ADR 0112).
/// </summary>
public static class DeviceConfigFile
{
    public static async Task<string> WriteAsync(string directory, string fileName, DeviceConfig config)
    {
        try
        {
            Store.SecretFiles.CreateFolder(directory);
            var path = Path.GetFullPath(Path.Combine(directory, fileName));
            var temporary = path + ".tmp";
            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            await using (var stream = new FileStream(temporary, options))
            await using (var writer = new StreamWriter(stream))
            {
                await writer.WriteAsync(DeviceConfigWriter.ToJson(config));
            }

            // Replace in one step: a crash never leaves half a config where the locker looks for it.
            File.Move(temporary, path, overwrite: true);
            return path;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ProvisioningException($"cannot write the device configuration into '{directory}': {ex.Message}", ex);
        }
    }
}
