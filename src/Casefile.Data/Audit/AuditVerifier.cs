using System.Data.Common;
using Casefile.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Data.Audit;

public sealed record AuditVerification(bool Intact, long EventsChecked, int CheckpointsChecked, long? FirstBadEvent, string Message);

/// <summary>
/// Recomputes the audit hash chain from the first event and names the first event that was
/// altered, removed, inserted or reordered; then checks the chain head and every signed
/// checkpoint, which catch a cut-off end or a rewrite of the whole chain.
/// Reads with a plain data reader: verification of millions of events must stay fast.
/// </summary>
public sealed class AuditVerifier(AppDbContext db, AuditSigner signer)
{
    public async Task<AuditVerification> VerifyAsync(CancellationToken ct = default)
    {
        var checkpoints = await db.AuditCheckpoints.AsNoTracking().OrderBy(c => c.Sequence).ToListAsync(ct);
        var forged = checkpoints.FirstOrDefault(c => !signer.IsValid(c));
        if (forged is not null)
            return new(false, 0, 0, forged.Sequence, $"The signed checkpoint at event {forged.Sequence} does not carry a valid signature: it was forged or altered.");
        var expectedAt = checkpoints.ToDictionary(c => c.Sequence, c => c.Hash);
        var head = await db.AuditChainHeads.AsNoTracking().SingleAsync(h => h.Id == 1, ct);

        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await connection.OpenAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT \"Id\", \"OccurredAt\", \"UserId\", \"UserName\", \"Action\", \"RecordType\", \"RecordId\", " +
                "\"CaseFileId\", \"PersonId\", \"Outcome\", \"Reason\", \"ReasonHash\", \"Channel\", \"PreviousHash\", \"Hash\" " +
                "FROM \"AuditEvents\" ORDER BY \"Id\"";
            await using var reader = await command.ExecuteReaderAsync(ct);
            long expected = 1;
            var previous = AuditChain.Genesis;
            var checkedCount = 0;
            var digest = new byte[32];
            var stored = new byte[32];
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetInt64(0);
                if (id != expected)
                    return Broken(id > expected ? expected : id, checkedCount,
                        id > expected
                            ? $"Event {expected} is missing: it was removed (the next event is {id})."
                            : $"Event {id} is out of order.");
                var reason = reader.IsDBNull(10) ? null : reader.GetString(10);
                var reasonHash = reader.IsDBNull(11) ? null : reader.GetString(11);
                var entry = new AuditEntry(id, Ticks(reader, 1), NullableGuid(reader, 2), reader.GetString(3), reader.GetString(4),
                    reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6), NullableGuid(reader, 7), NullableGuid(reader, 8),
                    reader.GetString(9), reasonHash, reader.GetString(12));
                var storedPrevious = reader.GetString(13);
                var storedHash = reader.GetString(14);

                if (reason is not null && AuditChain.HashReason(reason) != reasonHash)
                    return Broken(id, checkedCount, $"Event {id} was altered: its reason does not match the reason that was recorded.");
                if (storedPrevious != previous)
                    return Broken(id, checkedCount, $"Event {id} does not follow event {id - 1}: events were reordered, or one was inserted or replaced.");
                AuditChain.Hash(entry, previous, digest);
                if (Convert.FromHexString(storedHash, stored, out _, out _) != System.Buffers.OperationStatus.Done || !digest.AsSpan().SequenceEqual(stored))
                    return Broken(id, checkedCount, $"Event {id} was altered: its content no longer matches its hash.");
                if (expectedAt.TryGetValue(id, out var signed) && signed != storedHash)
                    return Broken(id, checkedCount, $"Event {id} does not match the signed checkpoint: the chain was rewritten from here or before.");
                previous = storedHash;
                expected++;
                checkedCount++;
            }

            var last = expected - 1;
            if (head.LastSequence != last || head.LastHash != previous)
                return head.LastSequence > last
                    ? Broken(last + 1, checkedCount, $"Events {last + 1} to {head.LastSequence} are missing: the end of the trail was removed.")
                    : Broken(head.LastSequence + 1, checkedCount, $"Event {head.LastSequence + 1} and later were added outside Casefile.");
            var beyond = checkpoints.FirstOrDefault(c => c.Sequence > last);
            if (beyond is not null)
                return Broken(last + 1, checkedCount, $"A signed checkpoint names event {beyond.Sequence}, but the trail ends at {last}: events were removed.");
            return new(true, checkedCount, checkpoints.Count, null,
                $"The audit trail is intact: {checkedCount} events verified, {checkpoints.Count} signed checkpoints match.");
        }
        finally
        {
            if (opened) await connection.CloseAsync();
        }

        AuditVerification Broken(long at, int count, string message) => new(false, count, checkpoints.Count, at, message);
    }

    private static long Ticks(DbDataReader reader, int ordinal) => reader.GetValue(ordinal) switch
    {
        long ticks => ticks,
        DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)).UtcTicks,
        DateTimeOffset dto => dto.UtcTicks,
        var other => throw new InvalidOperationException($"Unexpected time value {other}"),
    };

    private static Guid? NullableGuid(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetValue(ordinal) switch
    {
        Guid g => g,
        string s => Guid.Parse(s),
        var other => throw new InvalidOperationException($"Unexpected id value {other}"),
    };
}
