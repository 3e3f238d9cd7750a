using Casefile.Data.Audit;
using Casefile.Domain.Audit;

namespace Casefile.Bench.Generation;

/// <summary>
/// Puts generated events on the hash chain exactly as <see cref="AuditChainInterceptor"/> does
/// when the application saves them (same truncation to microseconds, same reason hash, same
/// entry, a signed checkpoint every <see cref="AuditChainInterceptor.CheckpointEvery"/>), so
/// <see cref="AuditVerifier"/> finds a bulk-loaded trail intact.
/// </summary>
public sealed class AuditChainBuilder(AuditSigner signer)
{
    public long LastSequence { get; private set; }

    public string LastHash { get; private set; } = AuditChain.Genesis;

    /// <summary>Chains the event; returns the signed checkpoint that falls on it, if one does.</summary>
    public AuditCheckpoint? Append(AuditEvent e)
    {
        e.OccurredAt = new DateTimeOffset(e.OccurredAt.UtcTicks - e.OccurredAt.UtcTicks % 10, TimeSpan.Zero);
        e.Id = ++LastSequence;
        e.ReasonHash = AuditChain.HashReason(e.Reason);
        e.PreviousHash = LastHash;
        e.Hash = LastHash = AuditChain.Hash(AuditChainInterceptor.ToEntry(e), LastHash);
        return e.Id % AuditChainInterceptor.CheckpointEvery == 0 ? signer.Checkpoint(e.Id, e.Hash, e.OccurredAt) : null;
    }
}
