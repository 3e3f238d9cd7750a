using System.Security.Cryptography;
using System.Text;

namespace Casefile.Data.Audit;

/// <summary>
/// Signs audit checkpoints with HMAC-SHA256. The key lives outside the database: from
/// configuration (<c>Casefile:Audit:SigningKey</c>, base64) or, by default, a key file made on
/// first use in the data directory. Someone who can rewrite the database cannot forge a checkpoint.
/// </summary>
public sealed class AuditSigner(byte[] key)
{
    public static AuditSigner FromKeyOrFile(string? base64Key, string dataDirectory)
    {
        if (!string.IsNullOrWhiteSpace(base64Key)) return new AuditSigner(Convert.FromBase64String(base64Key));
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, "audit-signing.key");
        if (!File.Exists(path))
        {
            var fresh = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            try
            {
                using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                using var writer = new StreamWriter(stream);
                writer.Write(fresh);
                if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process made it first: use theirs.
            }
        }
        return new AuditSigner(Convert.FromBase64String(File.ReadAllText(path).Trim()));
    }

    public AuditCheckpoint Checkpoint(long sequence, string hash, DateTimeOffset at) =>
        new() { Sequence = sequence, Hash = hash, CreatedAt = at, Signature = Sign(sequence, hash) };

    public bool IsValid(AuditCheckpoint checkpoint) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(checkpoint.Sequence, checkpoint.Hash)), Encoding.ASCII.GetBytes(checkpoint.Signature));

    private string Sign(long sequence, string hash) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"casefile-audit-checkpoint|{sequence}|{hash}")));
}
