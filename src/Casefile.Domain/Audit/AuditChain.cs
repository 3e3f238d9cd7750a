using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Casefile.Domain.Audit;

/// <summary>The content of one audit event that its hash covers.</summary>
public readonly record struct AuditEntry(
    long Sequence, long OccurredAtUtcTicks, Guid? UserId, string UserName, string Action, string RecordType, string? RecordId,
    Guid? CaseFileId, Guid? PersonId, string Outcome, string? ReasonHash, string Channel);

/// <summary>
/// The audit trail's hash chain. Each event's SHA-256 covers its content and the previous
/// event's hash, so changing, removing or reordering any event breaks every hash after it.
/// The reason text is covered through its own hash, so that a reason may later be redacted
/// (on lawful destruction of a file) without breaking the chain.
/// </summary>
public static class AuditChain
{
    /// <summary>The hash before the first event.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string? HashReason(string? reason) =>
        reason is null ? null : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(reason)));

    public static string Hash(in AuditEntry e, string previousHash)
    {
        Span<byte> digest = stackalloc byte[32];
        Hash(e, previousHash, digest);
        return Convert.ToHexStringLower(digest);
    }

    /// <summary>Writes the event's SHA-256 into <paramref name="digest"/>; allocation-free for fast verification.</summary>
    public static void Hash(in AuditEntry e, string previousHash, Span<byte> digest)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1024 + 3 * (e.UserName.Length + e.Action.Length + e.RecordType.Length + (e.RecordId?.Length ?? 0) + e.Outcome.Length + e.Channel.Length));
        try
        {
            var span = buffer.AsSpan();
            var n = 0;
            BinaryPrimitives.WriteInt64LittleEndian(span[n..], e.Sequence); n += 8;
            BinaryPrimitives.WriteInt64LittleEndian(span[n..], e.OccurredAtUtcTicks); n += 8;
            n += WriteGuid(span[n..], e.UserId);
            n += WriteString(span[n..], e.UserName);
            n += WriteString(span[n..], e.Action);
            n += WriteString(span[n..], e.RecordType);
            n += WriteString(span[n..], e.RecordId);
            n += WriteGuid(span[n..], e.CaseFileId);
            n += WriteGuid(span[n..], e.PersonId);
            n += WriteString(span[n..], e.Outcome);
            n += WriteString(span[n..], e.ReasonHash);
            n += WriteString(span[n..], e.Channel);
            n += WriteString(span[n..], previousHash);
            SHA256.HashData(span[..n], digest);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static int WriteGuid(Span<byte> span, Guid? value)
    {
        if (value is not { } g)
        {
            span[0] = 0;
            return 1;
        }
        span[0] = 1;
        g.TryWriteBytes(span[1..]);
        return 17;
    }

    /// <summary>Length-prefixed UTF-8, with -1 for null, so no two different contents hash the same bytes.</summary>
    private static int WriteString(Span<byte> span, string? value)
    {
        if (value is null)
        {
            BinaryPrimitives.WriteInt32LittleEndian(span, -1);
            return 4;
        }
        var length = Encoding.UTF8.GetBytes(value, span[4..]);
        BinaryPrimitives.WriteInt32LittleEndian(span, length);
        return 4 + length;
    }
}
