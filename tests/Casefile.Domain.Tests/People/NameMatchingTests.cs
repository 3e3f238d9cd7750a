using Casefile.Domain.People;

namespace Casefile.Domain.Tests.People;

public class NameMatchingTests
{
    [Theory]
    [InlineData("Smith", "smith")]
    [InlineData("SMITH", "smith")]
    [InlineData("O'Brien", "obrien")]
    [InlineData("O\u2019Brien", "obrien")] // typographic apostrophe, as pasted from a letter
    [InlineData("D'Arcy-Smith", "darcy smith")]
    [InlineData("Smith-Jones", "smith jones")]
    [InlineData("Anne--Marie", "anne marie")]
    [InlineData("-Smith-", "smith")]
    [InlineData("Smith, John", "smith john")]
    [InlineData("  Amy   SMITH  ", "amy smith")]
    [InlineData("Amy\tSmith", "amy smith")]
    [InlineData("Zoë", "zoe")]
    [InlineData("Zoe\u0308", "zoe")] // already decomposed: e + combining diaeresis
    [InlineData("José Núñez", "jose nunez")]
    [InlineData("Siobhán Ó Súilleabháin", "siobhan o suilleabhain")]
    [InlineData("ÉLODIE", "elodie")]
    [InlineData("Françoise", "francoise")]
    [InlineData("Henry 8th", "henry 8th")]
    public void Normalise_WhenNameIsTypedLoosely_IgnoresCaseAccentsApostrophesAndHyphens(string name, string expected) =>
        NameMatching.Normalise(name).ShouldBe(expected);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void Normalise_WhenNameIsBlank_ReturnsEmpty(string? name) =>
        NameMatching.Normalise(name).ShouldBe("");

    [Theory]
    [InlineData("'")]
    [InlineData("--")]
    [InlineData(" - ' - ")]
    public void Normalise_WhenNameIsOnlyPunctuation_ReturnsEmpty(string name) =>
        NameMatching.Normalise(name).ShouldBe("");

    [Theory]
    [InlineData("Smith", "S530")]
    [InlineData("Smyth", "S530")]
    [InlineData("Robert", "R163")]
    [InlineData("Rupert", "R163")]
    [InlineData("Ashcraft", "A261")] // 'h' between s and c does not separate two 2s
    [InlineData("Ashcroft", "A261")]
    [InlineData("Tymczak", "T522")] // vowel 'a' separates z and k, so both 2s count
    [InlineData("Pfister", "P236")] // f has the first letter's code and is dropped
    [InlineData("Honeyman", "H555")]
    [InlineData("Jackson", "J250")]
    [InlineData("Gutierrez", "G362")]
    [InlineData("Lee", "L000")]
    [InlineData("McDonald", "M235")]
    [InlineData("O'Brien", "O165")]
    [InlineData("Zoë", "Z000")]
    public void PhoneticKey_WhenNameIsGiven_ReturnsAmericanSoundex(string name, string expected) =>
        NameMatching.PhoneticKey(name).ShouldBe(expected);

    [Theory]
    [InlineData("Smith", "Smyth")]
    [InlineData("Robert", "Rupert")]
    [InlineData("Ashcraft", "Ashcroft")]
    [InlineData("Jon", "John")]
    [InlineData("smith", "SMITH")]
    [InlineData("Zoe", "Zoë")]
    public void PhoneticKey_WhenNamesSoundAlike_AreEqual(string one, string other) =>
        NameMatching.PhoneticKey(one).ShouldBe(NameMatching.PhoneticKey(other));

    [Theory]
    [InlineData("Smith-Jones", "S530")]
    [InlineData("Mary Ann", "M600")]
    [InlineData("  van der Berg", "V500")]
    public void PhoneticKey_WhenNameHasSeveralWords_UsesTheFirstWord(string name, string expected) =>
        NameMatching.PhoneticKey(name).ShouldBe(expected);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("'-'")]
    [InlineData("123")]
    public void PhoneticKey_WhenNameHasNoLetters_ReturnsEmpty(string? name) =>
        NameMatching.PhoneticKey(name).ShouldBe("");

    [Theory]
    [InlineData("john", "john", 0)]
    [InlineData("jonh", "john", 1)] // neighbours swapped counts once
    [InlineData("smiht", "smith", 1)]
    [InlineData("jon", "john", 1)]
    [InlineData("john", "jon", 1)]
    [InlineData("smith", "smyth", 1)]
    [InlineData("abcd", "badc", 2)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("ca", "abc", 3)] // optimal string alignment, not full Damerau–Levenshtein (which gives 2)
    [InlineData("", "abc", 3)]
    [InlineData("abc", "", 3)]
    [InlineData("", "", 0)]
    public void EditDistance_WhenWordsDiffer_CountsInsertionsDeletionsSubstitutionsAndSwaps(string a, string b, int expected)
    {
        NameMatching.EditDistance(a, b).ShouldBe(expected);
        NameMatching.EditDistance(b, a).ShouldBe(expected);
    }

    [Theory]
    [InlineData("smith", "smith", 1.0)]     // exact
    [InlineData("sm", "smith", 0.85)]       // prefix of two letters or more
    [InlineData("smit", "smith", 0.85)]
    [InlineData("s", "smith", 0.5)]         // a single initial
    [InlineData("smiht", "smith", 0.75)]    // one slip
    [InlineData("jonh", "john", 0.75)]
    [InlineData("smyth", "smith", 0.75)]
    [InlineData("elisabth", "elizabeth", 0.6)] // two slips, allowed from seven letters
    [InlineData("jon", "john", 0.55)]       // three letters allow no slip, but sound alike
    [InlineData("rupert", "robert", 0.55)]  // two slips in six letters is too many, but sound alike
    [InlineData("amy", "smith", 0.0)]
    [InlineData("bob", "rob", 0.0)]         // sound alike except for the first letter
    [InlineData("smithson", "smith", 0.0)]  // the typed word is longer than the name
    [InlineData("", "smith", 0.0)]
    [InlineData("smith", "", 0.0)]
    public void WordScore_WhenTypedWordIsComparedWithName_ScoresTheKindOfMatch(string typed, string word, double expected) =>
        NameMatching.WordScore(typed, word).ShouldBe(expected, 1e-9);

    [Fact]
    public void WordScore_WhenMatchesAreRanked_ExactBeatsPrefixBeatsOneTypoBeatsPhoneticBeatsNone()
    {
        var scores = new[] { "robert", "rob", "robret", "rupert", "amy" }
            .Select(typed => NameMatching.WordScore(typed, "robert"))
            .ToArray();

        scores.ShouldBe([1.0, 0.85, 0.75, 0.55, 0.0], 1e-9);
        scores.ShouldBeInOrder(SortDirection.Descending);
        scores.Distinct().Count().ShouldBe(scores.Length);
    }
}
