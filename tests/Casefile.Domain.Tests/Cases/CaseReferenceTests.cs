using Casefile.Domain.Cases;

namespace Casefile.Domain.Tests.Cases;

public class CaseReferenceTests
{
    [Theory]
    [InlineData(1, "CF-000001-H")]
    [InlineData(4217, "CF-004217-N")]
    [InlineData(123456, "CF-123456-X")]
    public void Format_WhenNumberIsGiven_PadsToSixDigitsWithACheckLetter(long number, string expected) =>
        CaseReference.Format(number).ShouldBe(expected);

    [Fact]
    public void Format_WhenNumberIsOne_HasTheDocumentedShape() =>
        CaseReference.Format(1).ShouldMatch(@"^CF-000001-[A-HJ-NP-TV-Z]$");

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    [InlineData(999)]
    [InlineData(4217)]
    [InlineData(100000)]
    [InlineData(123456)]
    [InlineData(999999)]
    [InlineData(1000000)] // grows past six digits rather than wrapping
    public void IsValid_WhenReferenceWasFormatted_Accepts(long number)
    {
        var reference = CaseReference.Format(number);

        CaseReference.IsValid(reference).ShouldBeTrue();
        CaseReference.IsValid(reference.ToLowerInvariant()).ShouldBeTrue();
        CaseReference.IsValid($"  {reference} ").ShouldBeTrue();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4217)]
    [InlineData(123456)]
    [InlineData(999999)]
    public void IsValid_WhenAnyOneDigitIsMistyped_Rejects(long number)
    {
        var reference = CaseReference.Format(number);

        for (var position = 3; position < 9; position++)
        {
            foreach (var digit in "0123456789")
            {
                if (digit == reference[position]) continue;
                var mistyped = reference[..position] + digit + reference[(position + 1)..];
                CaseReference.IsValid(mistyped).ShouldBeFalse(mistyped);
            }
        }
    }

    [Theory]
    [InlineData(4217)]
    [InlineData(123456)]
    [InlineData(908172)]
    public void IsValid_WhenNeighbouringDigitsAreSwapped_Rejects(long number)
    {
        var reference = CaseReference.Format(number);

        for (var position = 3; position < 8; position++)
        {
            if (reference[position] == reference[position + 1]) continue;
            var swapped = reference[..position] + reference[position + 1] + reference[position] + reference[(position + 2)..];
            CaseReference.IsValid(swapped).ShouldBeFalse(swapped);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4217)]
    public void IsValid_WhenCheckLetterIsWrong_Rejects(long number)
    {
        var reference = CaseReference.Format(number);

        foreach (var letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ0")
        {
            if (letter == reference[^1]) continue;
            CaseReference.IsValid(reference[..^1] + letter).ShouldBeFalse();
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("CF000001H")]
    [InlineData("CF-000001H")]
    [InlineData("CF-00001-H")]     // five digits
    [InlineData("XX-000001-H")]
    [InlineData("CF-000001-")]
    [InlineData("CF-000001-HH")]
    [InlineData("CF-00000A-H")]
    [InlineData("CF-000001-H-1")]
    [InlineData("CF 000001 H")]
    [InlineData("CF--000001-H")]
    [InlineData("CF-+00001-H")]
    [InlineData("CF-０００００１-H")] // full-width digits
    public void IsValid_WhenShapeIsWrong_Rejects(string? reference) =>
        CaseReference.IsValid(reference).ShouldBeFalse();

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Format_WhenNumberIsNotPositive_Throws(long number) =>
        Should.Throw<ArgumentOutOfRangeException>(() => CaseReference.Format(number));
}
