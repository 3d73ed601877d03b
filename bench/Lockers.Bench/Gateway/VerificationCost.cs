using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Lockers.Core.Commands;
using Lockers.Core.Protocol;

namespace Lockers.Bench.Gateway;

/// <summary>
/// The cryptography of one pickup in the gateway, timed in this process: the PIN's HMAC under the pepper-derived key
/// and its fixed-time comparison (CodeHasher), and signing the unlock (CommandSigner). Unsealing the locker's
/// command key (AES-GCM) is left out. Compared with the gateway's CPU per pickup it says whether verification matters.
/// </summary>
public static class VerificationCost
{
    public static double MicrosecondsPerPickup(int iterations = 20_000)
    {
        var codeKey = RandomNumberGenerator.GetBytes(32);
        var signer = new CommandSigner(RandomNumberGenerator.GetBytes(32));
        var stored = HMACSHA256.HashData(codeKey, Encoding.UTF8.GetBytes("bench-site-0001\n482913"));
        var matches = 0;
        for (var round = 0; round < 2; round++)
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < iterations; i++)
            {
                var hash = HMACSHA256.HashData(codeKey, Encoding.UTF8.GetBytes("bench-site-0001\n482913"));
                matches += CryptographicOperations.FixedTimeEquals(stored, hash) ? 1 : 0;
                signer.Sign(new SignedCommand
                {
                    LockerId = "bench-00001", CommandId = "c-" + i, Counter = i + 1, ExpiresAt = 1_767_225_660, Action = CommandActions.Unlock, Compartment = 3,
                });
            }

            if (round == 1)
            {
                return matches > 0 ? clock.Elapsed.TotalMicroseconds / iterations : double.NaN;
            }
        }

        return double.NaN;
    }
}
