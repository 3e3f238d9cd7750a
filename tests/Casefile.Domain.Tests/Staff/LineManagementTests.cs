using Casefile.Domain.PaperFiles;
using Casefile.Domain.Staff;

namespace Casefile.Domain.Tests.PaperFiles;

public sealed class LineManagementTests
{
    private static readonly Guid Amara = Guid.NewGuid(), Daniel = Guid.NewGuid(), Priya = Guid.NewGuid(), Grace = Guid.NewGuid(), Hannah = Guid.NewGuid(), Ben = Guid.NewGuid();

    // Amara -> Daniel -> Priya -> Grace; Ben -> Hannah -> Priya.
    private static readonly Dictionary<Guid, Guid?> Line = new()
    {
        [Amara] = Daniel,
        [Daniel] = Priya,
        [Priya] = Grace,
        [Grace] = null,
        [Ben] = Hannah,
        [Hannah] = Priya,
    };

    public static TheoryData<string, string, bool> Pairs => new()
    {
        // manager, staff, above
        { "Daniel", "Amara", true },
        { "Priya", "Amara", true },
        { "Grace", "Amara", true },
        { "Hannah", "Amara", false },
        { "Amara", "Amara", false },
        { "Amara", "Daniel", false },
        { "Daniel", "Ben", false },
    };

    private static Guid Of(string name) => name switch
    {
        "Amara" => Amara,
        "Daniel" => Daniel,
        "Priya" => Priya,
        "Grace" => Grace,
        "Hannah" => Hannah,
        _ => Ben,
    };

    [Theory, MemberData(nameof(Pairs))]
    public void IsAbove_WhenWalkingTheLine_FindsOnlyManagersAboveTheWorker(string manager, string staff, bool above) =>
        LineManagement.IsAbove(Of(manager), Of(staff), Line).ShouldBe(above);

    [Fact]
    public void IsAbove_WhenTheDataHasALoop_StopsAndSaysNo()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        LineManagement.IsAbove(Guid.NewGuid(), a, new Dictionary<Guid, Guid?> { [a] = b, [b] = a }).ShouldBeFalse();
    }

    [Fact]
    public void ReportsOf_WhenAManagerHasAChain_IncludesReportsOfReports()
    {
        LineManagement.ReportsOf(Priya, Line).ShouldBe([Amara, Daniel, Ben, Hannah], ignoreOrder: true);
        LineManagement.ReportsOf(Daniel, Line).ShouldBe([Amara]);
        LineManagement.ReportsOf(Amara, Line).ShouldBeEmpty();
    }
}
