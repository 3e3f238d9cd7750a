using Casefile.Domain.Audit;

namespace Casefile.Domain.Tests.Audit;

public sealed class AuditChainTests
{
    private static AuditEntry Entry(long sequence, string action = "view", string? reasonHash = null) =>
        new(sequence, 638_000_000_000_000_000 + sequence, Guid.Empty, "amara.osei", action, "case", "42", null, null, "allowed", reasonHash, "web");

    [Fact]
    public void Hash_WhenAnyFieldChanges_Changes()
    {
        var original = AuditChain.Hash(Entry(1), AuditChain.Genesis);
        AuditChain.Hash(Entry(1), AuditChain.Genesis).ShouldBe(original);
        AuditChain.Hash(Entry(2), AuditChain.Genesis).ShouldNotBe(original);
        AuditChain.Hash(Entry(1, "update"), AuditChain.Genesis).ShouldNotBe(original);
        AuditChain.Hash(Entry(1, reasonHash: AuditChain.HashReason("x")), AuditChain.Genesis).ShouldNotBe(original);
        AuditChain.Hash(Entry(1), new string('1', 64)).ShouldNotBe(original);
        original.Length.ShouldBe(64);
    }

    [Fact]
    public void Hash_WhenFieldBoundariesMove_Differs()
    {
        var a = new AuditEntry(1, 1, null, "ab", "c", "case", null, null, null, "allowed", null, "web");
        var b = new AuditEntry(1, 1, null, "a", "bc", "case", null, null, null, "allowed", null, "web");
        AuditChain.Hash(a, AuditChain.Genesis).ShouldNotBe(AuditChain.Hash(b, AuditChain.Genesis));
        var nullId = a with { RecordId = null };
        var emptyId = a with { RecordId = "" };
        AuditChain.Hash(nullId, AuditChain.Genesis).ShouldNotBe(AuditChain.Hash(emptyId, AuditChain.Genesis));
    }

    [Fact]
    public void HashReason_WhenNull_IsNull() => AuditChain.HashReason(null).ShouldBeNull();

    [Fact]
    public void Encode_WhenWrittenFromStoredUtf8_GivesTheSameBytesAndHash()
    {
        var e = Entry(7, reasonHash: AuditChain.HashReason("emergency: child at risk")) with { UserName = "zoë.brontë", CaseFileId = Guid.NewGuid(), RecordId = null };
        var expected = AuditChain.Encode(e, AuditChain.Genesis, new byte[1024]).ToArray();

        // As the verifier writes it: straight from the database's UTF-8, no strings.
        var buffer = new byte[1024];
        var w = new AuditEntryWriter(buffer);
        w.Int64(e.Sequence);
        w.Int64(e.OccurredAtUtcTicks);
        w.Guid(e.UserId);
        w.Utf8(System.Text.Encoding.UTF8.GetBytes(e.UserName));
        w.Utf8("view"u8);
        w.Utf8("case"u8);
        w.Null();
        w.Guid(e.CaseFileId);
        w.Guid(null);
        w.Utf8("allowed"u8);
        w.Utf8(System.Text.Encoding.ASCII.GetBytes(e.ReasonHash!));
        w.Utf8("web"u8);
        w.Utf8(System.Text.Encoding.ASCII.GetBytes(AuditChain.Genesis));

        w.Written.ToArray().ShouldBe(expected);
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(w.Written)).ShouldBe(AuditChain.Hash(e, AuditChain.Genesis));
    }
}
