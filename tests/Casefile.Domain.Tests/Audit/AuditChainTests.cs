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
}
