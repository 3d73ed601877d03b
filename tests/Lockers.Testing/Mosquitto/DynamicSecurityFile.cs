using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lockers.Testing.Mosquitto;

/// <summary>
/// One rule of Mosquitto's dynamic security plugin. <see cref="AclType"/> is one of publishClientSend,
/// publishClientReceive, subscribeLiteral, subscribePattern, unsubscribeLiteral, unsubscribePattern.
/// Higher <see cref="Priority"/> rules are checked first; the generated allow-everything rules have priority 0.
/// </summary>
public sealed record DynamicSecurityAcl(string AclType, string Topic, bool Allow, int Priority = 10);

/// <summary>
/// Writes the dynamic-security plugin's JSON (users with PBKDF2-SHA512 password hashes, one role per user). The
/// plugin is the only way Mosquitto 2.0 refuses a SUBSCRIBE with 0x80: its acl_file only filters deliveries.
/// </summary>
internal static class DynamicSecurityFile
{
    private const int Iterations = 101;
    private static readonly string[] AllAclTypes = { "publishClientSend", "publishClientReceive", "subscribePattern", "unsubscribePattern" };

    /// <summary>The plugin library, or an explanation.</summary>
    public static string FindPlugin()
    {
        var found = new[] { "/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib", "/usr/local/lib" }
            .Select(directory => Path.Combine(directory, "mosquitto_dynamic_security.so"))
            .FirstOrDefault(File.Exists);
        return found ?? throw new InvalidOperationException("mosquitto_dynamic_security.so not found: install mosquitto: apt-get install mosquitto");
    }

    public static async Task WriteAsync(string path, MosquittoBrokerOptions options)
    {
        var clients = new JsonArray();
        var roles = new JsonArray();
        foreach (var (user, password) in options.Users)
        {
            byte[] salt = RandomNumberGenerator.GetBytes(12);
            byte[] hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, Iterations, HashAlgorithmName.SHA512, 64);
            clients.Add(new JsonObject
            {
                ["username"] = user,
                ["password"] = Convert.ToBase64String(hash),
                ["salt"] = Convert.ToBase64String(salt),
                ["iterations"] = Iterations,
                ["roles"] = new JsonArray(new JsonObject { ["rolename"] = "role-" + user }),
            });
            var acls = new JsonArray();
            var custom = options.DynamicSecurityAcls.TryGetValue(user, out var list) ? list : new List<DynamicSecurityAcl>();
            foreach (var acl in custom)
            {
                acls.Add(Acl(acl));
            }

            foreach (var type in AllAclTypes)
            {
                acls.Add(Acl(new DynamicSecurityAcl(type, "#", Allow: true, Priority: 0)));
            }

            roles.Add(new JsonObject { ["rolename"] = "role-" + user, ["acls"] = acls });
        }

        var root = new JsonObject
        {
            ["clients"] = clients,
            ["roles"] = roles,
            ["groups"] = new JsonArray(),
            ["defaultACLAccess"] = new JsonObject
            {
                ["publishClientSend"] = false,
                ["publishClientReceive"] = true,
                ["subscribe"] = false,
                ["unsubscribe"] = true,
            },
        };
        await File.WriteAllTextAsync(path, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    private static JsonObject Acl(DynamicSecurityAcl acl) => new()
    {
        ["acltype"] = acl.AclType,
        ["topic"] = acl.Topic,
        ["allow"] = acl.Allow,
        ["priority"] = acl.Priority,
    };
}
