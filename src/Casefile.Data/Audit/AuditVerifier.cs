using System.Security.Cryptography;
using System.Text;
using Casefile.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace Casefile.Data.Audit;

public sealed record AuditVerification(bool Intact, long EventsChecked, int CheckpointsChecked, long? FirstBadEvent, string Message);

/// <summary>
/// Recomputes the audit hash chain from the first event and names the first event that was
/// altered, removed, inserted or reordered; then checks the chain head and every signed
/// checkpoint, which catch a cut-off end or a rewrite of the whole chain.
/// </summary>
/// <remarks>
/// Verification of millions of events must stay fast, so the events are read as the database's own
/// bytes (<see cref="AuditEventRows"/>: SQLite's column buffers, PostgreSQL's binary COPY), hashed with
/// one reused SHA-256 context per thread, and checked in ranges that start at signed checkpoints, several
/// at once: a range starts from its checkpoint's signed hash, so ranges do not depend on one another, and
/// each range's last event must carry the next checkpoint's hash, which stitches them together. When a
/// range finds a fault, the chain is read again in one pass from that range's start, so the event named
/// and the words used are exactly those of a single pass from the first event.
/// </remarks>
public sealed class AuditVerifier(AppDbContext db, AuditSigner signer)
{
    /// <summary>How many ranges are verified at once (one connection each).</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    public async Task<AuditVerification> VerifyAsync(CancellationToken ct = default)
    {
        var checkpoints = await db.AuditCheckpoints.AsNoTracking().OrderBy(c => c.Sequence).ToListAsync(ct);
        var forged = checkpoints.FirstOrDefault(c => !signer.IsValid(c));
        if (forged is not null)
            return new(false, 0, 0, forged.Sequence, $"The signed checkpoint at event {forged.Sequence} does not carry a valid signature: it was forged or altered.");

        var connection = db.Database.GetDbConnection();
        var chain = new Chain(checkpoints);
        return await Task.Run(() => chain.Verify(() => AuditEventRows.Open(connection), Math.Max(1, Parallelism), ct), ct);
    }

    private sealed class Chain(List<AuditCheckpoint> checkpoints)
    {
        private readonly Dictionary<long, byte[]> _signedAt = checkpoints.ToDictionary(c => c.Sequence, c => Encoding.ASCII.GetBytes(c.Hash));

        public AuditVerification Verify(Func<AuditEventRows> open, int parallelism, CancellationToken ct)
        {
            var ranges = Split(parallelism);
            var results = new Outcome[ranges.Count];
            if (ranges.Count == 1)
            {
                using var rows = open();
                using var hasher = new Hasher();
                var head = rows.BeginSnapshotAndReadHead();
                results[0] = Range(rows, ranges[0], hasher, ct);
                return Finish(results[0], 0, head);
            }

            // Each worker takes the next range in order, on a connection of its own; the last range (the
            // end of the trail) reads the head in the same snapshot, so a concurrent append cannot confuse them.
            (long LastSequence, string LastHash) tailHead = default;
            var next = -1;
            Parallel.For(0, Math.Min(parallelism, ranges.Count), new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = ct }, _ =>
            {
                using var rows = open();
                using var hasher = new Hasher();
                int i;
                while ((i = Interlocked.Increment(ref next)) < ranges.Count)
                {
                    if (ranges[i].To is null) tailHead = rows.BeginSnapshotAndReadHead();
                    results[i] = Range(rows, ranges[i], hasher, ct);
                }
            });

            long before = 0;
            for (var i = 0; i < ranges.Count; i++)
            {
                var result = results[i];
                if (result.Failure is not null || (ranges[i].To is { } to && result.Count != to - ranges[i].From + 1))
                {
                    // The first range with a fault: read on from its start in one pass, to the end of the trail.
                    using var rows = open();
                    using var hasher = new Hasher();
                    var head = rows.BeginSnapshotAndReadHead();
                    var again = Range(rows, ranges[i] with { To = null }, hasher, ct);
                    return Finish(again, before, head);
                }
                before += result.Count;
            }
            return Finish(results[^1], before - results[^1].Count, tailHead);
        }

        /// <summary>Ranges that start at signed checkpoints: a few per worker, so that an uneven range does not leave a core idle.</summary>
        private List<VerifyRange> Split(int parallelism)
        {
            var count = parallelism == 1 || checkpoints.Count == 0 ? 1 : Math.Min(checkpoints.Count, parallelism * 4);
            var ranges = new List<VerifyRange>(count);
            long from = 1;
            var startHash = AuditChain.Genesis;
            for (var j = 0; j < count - 1; j++)
            {
                var end = checkpoints[(int)((long)(j + 1) * checkpoints.Count / count) - 1];
                if (end.Sequence < from) continue;
                ranges.Add(new VerifyRange(from, startHash, end.Sequence));
                from = end.Sequence + 1;
                startHash = end.Hash;
            }
            ranges.Add(new VerifyRange(from, startHash, null));
            return ranges;
        }

        private Outcome Range(AuditEventRows rows, VerifyRange range, Hasher hasher, CancellationToken ct)
        {
            Span<byte> previous = stackalloc byte[64];
            Span<byte> digest = stackalloc byte[32];
            Span<byte> hex = stackalloc byte[64];
            if (Encoding.ASCII.GetBytes(range.StartHash, previous) != 64)
                throw new InvalidOperationException($"The hash before event {range.From} is not 64 hexadecimal digits.");

            rows.Start(range.From, range.To);
            var expected = range.From;
            long count = 0;
            while (rows.Read())
            {
                if ((count & 0x3FFF) == 0) ct.ThrowIfCancellationRequested();
                var id = rows.Int64(AuditEventRows.Id);
                if (id != expected)
                    return Broken(id > expected ? expected : id, count,
                        id > expected
                            ? $"Event {expected} is missing: it was removed (the next event is {id})."
                            : $"Event {id} is out of order.");

                var reasonHashIsNull = rows.IsNull(AuditEventRows.ReasonHash);
                var reasonHash = rows.Text(AuditEventRows.ReasonHash);
                if (!rows.IsNull(AuditEventRows.Reason))
                {
                    hasher.Hash(rows.Text(AuditEventRows.Reason), digest);
                    Hex(digest, hex);
                    if (reasonHashIsNull || !hex.SequenceEqual(reasonHash))
                        return Broken(id, count, $"Event {id} was altered: its reason does not match the reason that was recorded.");
                }
                if (!rows.Text(AuditEventRows.PreviousHash).SequenceEqual(previous))
                    return Broken(id, count, $"Event {id} does not follow event {id - 1}: events were reordered, or one was inserted or replaced.");

                var userName = rows.Text(AuditEventRows.UserName);
                var action = rows.Text(AuditEventRows.Action);
                var recordType = rows.Text(AuditEventRows.RecordType);
                var recordIdIsNull = rows.IsNull(AuditEventRows.RecordId);
                var recordId = rows.Text(AuditEventRows.RecordId);
                var outcome = rows.Text(AuditEventRows.Outcome);
                var channel = rows.Text(AuditEventRows.Channel);
                var buffer = hasher.Buffer(256 + userName.Length + action.Length + recordType.Length + recordId.Length + outcome.Length +
                    reasonHash.Length + channel.Length);
                var w = new AuditEntryWriter(buffer);
                w.Int64(id);
                w.Int64(rows.UtcTicks(AuditEventRows.OccurredAt));
                w.Guid(rows.Guid(AuditEventRows.UserId));
                w.Utf8(userName);
                w.Utf8(action);
                w.Utf8(recordType);
                if (recordIdIsNull) w.Null(); else w.Utf8(recordId);
                w.Guid(rows.Guid(AuditEventRows.CaseFileId));
                w.Guid(rows.Guid(AuditEventRows.PersonId));
                w.Utf8(outcome);
                if (reasonHashIsNull) w.Null(); else w.Utf8(reasonHash);
                w.Utf8(channel);
                w.Utf8(previous);
                hasher.Hash(w.Written, digest);
                Hex(digest, hex);

                var stored = rows.Text(AuditEventRows.Hash);
                if (!hex.SequenceEqual(stored))
                    return Broken(id, count, $"Event {id} was altered: its content no longer matches its hash.");
                if (_signedAt.TryGetValue(id, out var signed) && !stored.SequenceEqual(signed))
                    return Broken(id, count, $"Event {id} does not match the signed checkpoint: the chain was rewritten from here or before.");
                hex.CopyTo(previous);
                expected++;
                count++;
            }
            return new Outcome(count, expected - 1, Encoding.ASCII.GetString(previous), null, null);
        }

        /// <summary>The checks after the last event: the head (a cut-off end, or events added outside Casefile) and the checkpoints.</summary>
        private AuditVerification Finish(Outcome tail, long before, (long LastSequence, string LastHash) head)
        {
            var checkedCount = before + tail.Count;
            if (tail.Failure is not null) return new(false, checkedCount, checkpoints.Count, tail.FailedAt, tail.Failure);
            var last = tail.Last;
            if (head.LastSequence != last || head.LastHash != tail.LastHash)
                return head.LastSequence > last
                    ? Broken(last + 1, checkedCount, $"Events {last + 1} to {head.LastSequence} are missing: the end of the trail was removed.")
                    : Broken(head.LastSequence + 1, checkedCount, $"Event {head.LastSequence + 1} and later were added outside Casefile.");
            var beyond = checkpoints.FirstOrDefault(c => c.Sequence > last);
            if (beyond is not null)
                return Broken(last + 1, checkedCount, $"A signed checkpoint names event {beyond.Sequence}, but the trail ends at {last}: events were removed.");
            return new(true, checkedCount, checkpoints.Count, null,
                $"The audit trail is intact: {checkedCount} events verified, {checkpoints.Count} signed checkpoints match.");

            AuditVerification Broken(long at, long count, string message) => new(false, count, checkpoints.Count, at, message);
        }

        private static Outcome Broken(long at, long count, string message) => new(count, at - 1, "", at, message);

        private static void Hex(ReadOnlySpan<byte> digest, Span<byte> hex)
        {
            ReadOnlySpan<byte> digits = "0123456789abcdef"u8;
            for (var i = 0; i < digest.Length; i++)
            {
                hex[2 * i] = digits[digest[i] >> 4];
                hex[2 * i + 1] = digits[digest[i] & 0xF];
            }
        }
    }

    private sealed record VerifyRange(long From, string StartHash, long? To);

    /// <summary>What one range found: the events verified, the last one and its hash, or the first fault.</summary>
    private sealed record Outcome(long Count, long Last, string LastHash, long? FailedAt, string? Failure);

    /// <summary>One SHA-256 context and encoding buffer per thread: a one-shot hash per event costs more in setting up than in hashing.</summary>
    private sealed class Hasher : IDisposable
    {
        private readonly IncrementalHash _sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private byte[] _buffer = new byte[4096];

        public void Hash(ReadOnlySpan<byte> data, Span<byte> digest)
        {
            _sha.AppendData(data);
            _sha.GetHashAndReset(digest);
        }

        public void Dispose() => _sha.Dispose();

        public Span<byte> Buffer(int atLeast)
        {
            if (_buffer.Length < atLeast) _buffer = new byte[Math.Max(atLeast, _buffer.Length * 2)];
            return _buffer;
        }
    }
}
