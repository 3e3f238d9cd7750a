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
            SHA256.HashData(Encode(e, previousHash, buffer), digest);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The bytes an event's hash covers, written into <paramref name="buffer"/> (which must be large enough).</summary>
    public static ReadOnlySpan<byte> Encode(in AuditEntry e, string previousHash, Span<byte> buffer)
    {
        var w = new AuditEntryWriter(buffer);
        w.Int64(e.Sequence);
        w.Int64(e.OccurredAtUtcTicks);
        w.Guid(e.UserId);
        w.String(e.UserName);
        w.String(e.Action);
        w.String(e.RecordType);
        w.String(e.RecordId);
        w.Guid(e.CaseFileId);
        w.Guid(e.PersonId);
        w.String(e.Outcome);
        w.String(e.ReasonHash);
        w.String(e.Channel);
        w.String(previousHash);
        return w.Written;
    }
}

/// <summary>
/// Writes the fields of an audit event in the one encoding its hash covers: integers little-endian,
/// a GUID as a presence byte and its 16 bytes, text as length-prefixed UTF-8 with -1 for null, so no
/// two different contents give the same bytes. The verifier writes the same fields straight from the
/// database's UTF-8, with no strings in between.
/// </summary>
public ref struct AuditEntryWriter(Span<byte> buffer)
{
    private readonly Span<byte> _buffer = buffer;
    private int _length;

    public readonly ReadOnlySpan<byte> Written => _buffer[.._length];

    public void Int64(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_buffer[_length..], value);
        _length += 8;
    }

    public void Guid(Guid? value)
    {
        if (value is not { } g)
        {
            _buffer[_length++] = 0;
            return;
        }
        _buffer[_length] = 1;
        g.TryWriteBytes(_buffer[(_length + 1)..]);
        _length += 17;
    }

    public void String(string? value)
    {
        if (value is null)
        {
            Null();
            return;
        }
        var length = Encoding.UTF8.GetBytes(value, _buffer[(_length + 4)..]);
        BinaryPrimitives.WriteInt32LittleEndian(_buffer[_length..], length);
        _length += 4 + length;
    }

    public void Utf8(scoped ReadOnlySpan<byte> value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(_buffer[_length..], value.Length);
        value.CopyTo(_buffer[(_length + 4)..]);
        _length += 4 + value.Length;
    }

    public void Null()
    {
        BinaryPrimitives.WriteInt32LittleEndian(_buffer[_length..], -1);
        _length += 4;
    }
}
