namespace Lockers.Gateway.Provisioning.Pki;

/// <summary>
/// Writes a file in one step (a temporary file renamed over the old one), created 0600 when it holds a secret (a key)
/// and 0644 otherwise (certificates and revocation lists are public, and the broker may run as another user). A missing
/// folder for a secret is made 0700 (ADR 0112).
/// </summary>
public static class PrivateFiles
{
    public static async Task WriteAsync(string path, string text, bool secret)
    {
        try
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
            if (secret)
            {
                Store.SecretFiles.CreateFolder(folder);
            }
            else
            {
                Directory.CreateDirectory(folder);
            }
            var temporary = path + ".tmp";
            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = secret
                    ? UnixFileMode.UserRead | UnixFileMode.UserWrite
                    : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
            }

            File.Delete(temporary);
            await using (var stream = new FileStream(temporary, options))
            await using (var writer = new StreamWriter(stream))
            {
                await writer.WriteAsync(text);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ProvisioningException($"cannot write '{path}': {ex.Message}", ex);
        }
    }
}
