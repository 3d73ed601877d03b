using System.Text;
using Microsoft.Data.Sqlite;

namespace Lockers.Gateway.Tests.Infrastructure;

/// <summary>Raw bytes of the database and its WAL, to prove a secret never reached the disk in clear.</summary>
public static class DatabaseFiles
{
    public static string ReadAllAsLatin1(string dataDirectory)
    {
        SqliteConnection.ClearAllPools();
        var text = new StringBuilder();
        foreach (var file in Directory.GetFiles(dataDirectory, "lockers.db*"))
        {
            try
            {
                text.Append(Encoding.Latin1.GetString(File.ReadAllBytes(file)));
            }
            catch (FileNotFoundException)
            {
                // The WAL disappears when the last connection closes (a background service may do that now);
                // its pages are then in the main file, which is read too.
            }
        }
        return text.ToString();
    }
}
