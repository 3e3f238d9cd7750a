using System.Text;
using Casefile.Domain.Records;

namespace Casefile.Domain.Tests.Records;

public sealed class PlainLanguageGuideTests
{
    private static readonly PlainLanguageGuide Guide = PlainLanguageGuide.Default;

    private static PlainLanguageGuide Custom(string listText)
    {
        var guide = PlainLanguageGuide.Parse(listText, out var errors);
        errors.ShouldBeEmpty();
        return guide;
    }

    private static List<PlainLanguageHint> Of(PlainLanguageHintKind kind, string text, PlainLanguageGuide? guide = null) =>
        (guide ?? Guide).Check(text).Where(h => h.Kind == kind).ToList();

    private static string Sentence(int words) =>
        string.Join(' ', Enumerable.Range(1, words).Select(i => i == 1 ? "We" : "talked")) + ".";

    // Jargon (policy 3.1)

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n  ")]
    public void Check_WhenTextIsNullOrBlank_ReturnsNoHints(string? text) =>
        Guide.Check(text).ShouldBeEmpty();

    [Fact]
    public void Check_WhenPlainTextWritten_ReturnsNoHints() =>
        Guide.Check("Amy told me she was happy at school. We agreed I would visit again next week.").ShouldBeEmpty();

    [Fact]
    public void Check_WhenJargonUsed_SuggestsThePlainAlternativeWhereItWasFound()
    {
        const string text = "Amy disclosed that she was hit.";

        var hint = Guide.Check(text).ShouldHaveSingleItem();

        hint.ShouldBe(new PlainLanguageHint(PlainLanguageHintKind.Jargon, "disclosed", "Instead of \"disclosed\", try \"told\"", 4, 9));
        text.Substring(hint.Start, hint.Length).ShouldBe("disclosed");
    }

    [Theory]
    [InlineData("We met in order to plan.", "in order to", "to")]
    [InlineData("In Order To plan, we met.", "In Order To", "to")]
    [InlineData("We met in  order\nto plan.", "in  order\nto", "to")]
    [InlineData("Prior to the visit I rang.", "Prior to", "before")]
    [InlineData("The placement breakdown was sudden.", "placement breakdown", "the placement ended")]
    [InlineData("Dad presented as tired.", "presented as", "seemed")]
    [InlineData("Going forward we will meet weekly.", "Going forward", "from now on")]
    public void Check_WhenJargonPhraseUsed_FindsTheWholePhraseWhateverItsCaseOrSpacing(string text, string found, string suggestion)
    {
        var hint = Of(PlainLanguageHintKind.Jargon, text).ShouldHaveSingleItem();

        hint.Found.ShouldBe(found);
        text.Substring(hint.Start, hint.Length).ShouldBe(found);
        hint.Advice.ShouldEndWith($"try \"{suggestion}\"");
    }

    [Fact]
    public void Check_WhenPhraseBrokenOverALine_QuotesItOnOneLineInTheAdvice() =>
        Of(PlainLanguageHintKind.Jargon, "We met in order\nto plan.").ShouldHaveSingleItem()
            .Advice.ShouldBe("Instead of \"in order to\", try \"to\"");

    [Theory]
    [InlineData("deescalate")]
    [InlineData("de-escalate")]
    [InlineData("de escalate")]
    [InlineData("De-Escalate")]
    public void Check_WhenHyphenVariantUsed_FindsTheOneEntry(string word)
    {
        var hint = Of(PlainLanguageHintKind.Jargon, $"Staff tried to {word} the situation.").ShouldHaveSingleItem();

        hint.Found.ShouldBe(word);
        hint.Advice.ShouldBe($"Instead of \"{word}\", try \"calm down\"");
    }

    [Theory]
    [InlineData("She engaged well.")]
    [InlineData("He will reengage.")]
    [InlineData("Engagements were kept.")]
    [InlineData("Engage2 is a code.")]
    public void Check_WhenTermIsInsideAnotherWord_DoesNotMatchIt(string text) =>
        Custom("engage | take part").Check(text).ShouldBeEmpty();

    [Fact]
    public void Check_WhenOnlyTheBaseFormIsListed_DoesNotMatchOtherForms()
    {
        var guide = Custom("engage | take part");

        Of(PlainLanguageHintKind.Jargon, "She engaged, then disengaged, and engages now.", guide).ShouldBeEmpty();
        Of(PlainLanguageHintKind.Jargon, "She will engage. Non-engage.", guide).Select(h => h.Found).ShouldBe(["engage", "engage"]);
    }

    [Theory]
    [InlineData("Mum engaged with the plan.", "engaged", "took part")]
    [InlineData("Mum's engagement was good.", "engagement", "taking part")]
    [InlineData("Dad disengaged in May.", "disengaged", "stopped taking part")]
    [InlineData("Her behaviour escalated.", "escalated", "got worse")]
    public void Check_WhenAnotherFormIsListed_GivesAdviceForThatForm(string text, string found, string suggestion)
    {
        var guide = Custom("""
            engage | take part
            engaged | took part
            engagement | taking part
            disengaged | stopped taking part
            escalated | got worse
            """);

        var hint = Of(PlainLanguageHintKind.Jargon, text, guide).ShouldHaveSingleItem();

        hint.Found.ShouldBe(found);
        hint.Advice.ShouldBe($"Instead of \"{found}\", try \"{suggestion}\"");
    }

    [Fact]
    public void Check_WhenDefaultListAndEngagedUsed_SuggestsThePastTense() =>
        Of(PlainLanguageHintKind.Jargon, "She engaged well.").ShouldHaveSingleItem().Advice.ShouldBe("Instead of \"engaged\", try \"took part\"");

    // "Contact" alone usually means getting in touch, so only the family-time phrases are listed.
    [Theory]
    [InlineData("I contacted the school.")]
    [InlineData("I made contact with the school.")]
    [InlineData("Contacts with the school were logged.")]
    public void Check_WhenContactMeansGettingInTouch_DoesNotFlagIt(string text) =>
        Of(PlainLanguageHintKind.Jargon, text).ShouldBeEmpty();

    [Theory]
    [InlineData("The contact session went well.", "contact session", "family time")]
    [InlineData("Supervised contact was cancelled.", "Supervised contact", "supervised family time")]
    public void Check_WhenContactMeansFamilyTime_SuggestsFamilyTime(string text, string found, string suggestion)
    {
        var hint = Of(PlainLanguageHintKind.Jargon, text).ShouldHaveSingleItem();

        hint.Found.ShouldBe(found);
        hint.Advice.ShouldBe($"Instead of \"{found}\", try \"{suggestion}\"");
    }

    [Fact]
    public void Check_WhenPhrasesOverlap_PrefersTheLongestEntry()
    {
        var guide = Custom("""
            placement | home
            placement breakdown | the placement ended
            """);

        Of(PlainLanguageHintKind.Jargon, "After the placement breakdown.", guide).ShouldHaveSingleItem().Found.ShouldBe("placement breakdown");
    }

    [Fact]
    public void Check_WhenJargonRepeated_FlagsEveryUse() =>
        Of(PlainLanguageHintKind.Jargon, "Prior to school and prior to tea.").Count.ShouldBe(2);

    [Fact]
    public void Check_WhenJargonHasPunctuation_MatchesItLiterally()
    {
        var hint = Of(PlainLanguageHintKind.Jargon, "A s.47 enquiry began. S.47 was explained.").First();

        hint.Found.ShouldBe("s.47");
        hint.Advice.ShouldBe("Instead of \"s.47\", try \"section 47 enquiry\"");
        Of(PlainLanguageHintKind.Jargon, "Paragraph s47 and ms.47x").ShouldBeEmpty();
    }

    // Abbreviations (policy 3.1)

    [Fact]
    public void Check_WhenListedAbbreviationUnexplained_FlagsItWithItsExpansion()
    {
        const string text = "Amy's LAC review is on Friday.";

        var hint = Guide.Check(text).ShouldHaveSingleItem();

        hint.ShouldBe(new PlainLanguageHint(PlainLanguageHintKind.Abbreviation, "LAC",
            "Explain \"LAC\" the first time you use it, for example \"looked after child (LAC)\"", 6, 3));
    }

    [Theory]
    [InlineData("Amy is a looked after child (LAC). The LAC review is on Friday.")]
    [InlineData("Amy is a LAC (looked after child). The LAC review is on Friday.")]
    [InlineData("Looked After Children (LACs) have reviews. The LAC review is on Friday.")]
    [InlineData("Amy is a child in need (CIN). The CIN plan is agreed.")]
    [InlineData("Her education, health and care plan (EHCP) is due. The EHCP says little.")]
    [InlineData("A referral to child and adolescent mental health services ( CAMHS ) was made. CAMHS replied.")]
    [InlineData("The multi-agency safeguarding hub (MASH) met. MASH agreed.")]
    [InlineData("A section 47 enquiry (S47) began. The S47 ended.")]
    [InlineData("An S47 (section 47 enquiry) began. The S47 ended.")]
    public void Check_WhenAbbreviationExplainedEarlier_DoesNotFlagIt(string text) =>
        Of(PlainLanguageHintKind.Abbreviation, text).ShouldBeEmpty();

    [Theory]
    [InlineData("The Designated Family Judge (DFJ) listed it. The DFJ agreed.")]
    [InlineData("The DFJ (designated family judge) listed it. The DFJ agreed.")]
    public void Check_WhenUnlistedAbbreviationExplainedByItsInitials_DoesNotFlagIt(string text) =>
        Of(PlainLanguageHintKind.Abbreviation, text).ShouldBeEmpty();

    [Theory]
    [InlineData("Amy is a child (LAC).")]
    [InlineData("Amy is a LAC (see above).")]
    public void Check_WhenBracketsDoNotExplainIt_FlagsTheAbbreviation(string text) =>
        Of(PlainLanguageHintKind.Abbreviation, text).ShouldHaveSingleItem().Found.ShouldBe("LAC");

    [Fact]
    public void Check_WhenAbbreviationUsedBeforeItIsExplained_FlagsTheFirstUse()
    {
        const string text = "The LAC review is on Friday. Amy is a looked after child (LAC).";

        var hint = Of(PlainLanguageHintKind.Abbreviation, text).ShouldHaveSingleItem();

        hint.Start.ShouldBe(4);
    }

    [Fact]
    public void Check_WhenAbbreviationUsedManyTimes_FlagsOnlyTheFirstUseOfEach()
    {
        const string text = "The CIN plan and the CP plan. The CIN review. CP again. CIN again.";

        var hints = Of(PlainLanguageHintKind.Abbreviation, text);

        hints.Select(h => (h.Found, h.Start)).ShouldBe([("CIN", 4), ("CP", 21)]);
    }

    [Theory]
    [InlineData("Mum saw her GP at the NHS clinic.")]
    [InlineData("They watched TV and it was OK.")]
    [InlineData("Dad showed his ID.")]
    public void Check_WhenAbbreviationIsAllowListed_DoesNotFlagIt(string text) =>
        Of(PlainLanguageHintKind.Abbreviation, text).ShouldBeEmpty();

    [Fact]
    public void Check_WhenUnlistedCapitalsUsed_AsksForThemToBeExplained()
    {
        var hint = Of(PlainLanguageHintKind.Abbreviation, "The DFJ agreed.").ShouldHaveSingleItem();

        hint.Found.ShouldBe("DFJ");
        hint.Advice.ShouldBe("Explain \"DFJ\" the first time you use it: write the words in full, then \"(DFJ)\"");
    }

    [Theory]
    [InlineData("Mum said DO NOT come back.")]
    [InlineData("JOHN SMITH attended.")]
    [InlineData("She lives near the A1 and is in Y10.")]
    [InlineData("I met Amy at 10AM.")]
    public void Check_WhenCapitalsAreEmphasisOrNotAbbreviations_DoesNotFlagThem(string text) =>
        Of(PlainLanguageHintKind.Abbreviation, text).ShouldBeEmpty();

    [Fact]
    public void Check_WhenListedAbbreviationIsNextToCapitals_StillFlagsIt() =>
        Of(PlainLanguageHintKind.Abbreviation, "The ICPC DSL spoke.").Select(h => h.Found).ShouldBe(["ICPC", "DSL"]);

    [Fact]
    public void Check_WhenAbbreviationIsListedAsJargon_FlagsItOnceAsJargon()
    {
        var hint = Guide.Check("There was DV at home.").ShouldHaveSingleItem();

        hint.Kind.ShouldBe(PlainLanguageHintKind.Jargon);
        hint.Advice.ShouldBe("Instead of \"DV\", try \"domestic abuse\"");
    }

    [Fact]
    public void Check_WhenAbbreviationIsPartOfAWord_DoesNotFlagIt() =>
        Of(PlainLanguageHintKind.Abbreviation, "Amy's CINplan and xLAC and LACy.").ShouldBeEmpty();

    [Fact]
    public void Check_WhenAllowListAddedInTheList_DoesNotFlagThoseAbbreviations()
    {
        var guide = Custom("allow: dfj, NHS");

        guide.AllowedAbbreviations.ShouldBe(["DFJ", "NHS"]);
        guide.Check("The DFJ agreed.").ShouldBeEmpty();
    }

    // Long sentences (policy 3.1)

    [Theory]
    [InlineData(25, false)]
    [InlineData(26, true)]
    public void Check_WhenSentenceIsOverTheLimit_FlagsIt(int words, bool flagged) =>
        Of(PlainLanguageHintKind.LongSentence, Sentence(words)).Count.ShouldBe(flagged ? 1 : 0);

    [Fact]
    public void Check_WhenSentenceIsLong_GivesItsWordCountAndSpan()
    {
        var longOne = Sentence(38);
        var text = $"We met Amy. {longOne}  She was fine.";

        var hint = Guide.Check(text).ShouldHaveSingleItem();

        hint.Kind.ShouldBe(PlainLanguageHintKind.LongSentence);
        hint.Advice.ShouldBe("This sentence has 38 words. Try to keep sentences under 25 words.");
        hint.Start.ShouldBe(12);
        hint.Length.ShouldBe(longOne.Length);
        hint.Found.ShouldBe(longOne);
    }

    [Fact]
    public void Check_WhenLineBreaksSeparateNotes_CountsEachLineAsASentence()
    {
        var line = Sentence(20).TrimEnd('.');

        Of(PlainLanguageHintKind.LongSentence, $"{line}\n{line}\r\n{line}").ShouldBeEmpty();
        Of(PlainLanguageHintKind.LongSentence, $"{line} {line}").ShouldHaveSingleItem().Advice.ShouldStartWith("This sentence has 40 words.");
    }

    [Fact]
    public void Check_WhenSentenceEndsInsideQuotes_EndsTheSentenceThere()
    {
        var text = $"Amy said \"{Sentence(30)}\" Then she left.";

        var hint = Of(PlainLanguageHintKind.LongSentence, text).ShouldHaveSingleItem();

        hint.Found.ShouldEndWith(".\"");
        hint.Advice.ShouldStartWith("This sentence has 32 words.");
    }

    [Fact]
    public void Check_WhenPunctuationStandsAlone_DoesNotCountItAsAWord() =>
        Of(PlainLanguageHintKind.LongSentence, Sentence(25).TrimEnd('.') + " - - - .").ShouldBeEmpty();

    [Fact]
    public void Check_WhenSeveralKindsFound_OrdersThemByStart()
    {
        var text = $"{Sentence(30)} Prior to the LAC review, Amy disclosed it.";

        var hints = Guide.Check(text);

        hints.Select(h => h.Kind).ShouldBe([PlainLanguageHintKind.LongSentence, PlainLanguageHintKind.Jargon, PlainLanguageHintKind.Abbreviation, PlainLanguageHintKind.Jargon]);
        hints.Select(h => h.Start).ShouldBeInOrder();
    }

    [Fact]
    public void Check_WhenTextIsAHundredKilobytes_ChecksItAll()
    {
        const string paragraph = "Amy disclosed that she was worried about the LAC review. Prior to the visit I spoke to the school, and they said that she had been quiet and withdrawn in class for several weeks and had not wanted to go out at break time with her friends.\n";
        var text = new StringBuilder();
        while (text.Length < 100_000)
            text.Append(paragraph);
        var repeats = text.Length / paragraph.Length;

        var hints = Guide.Check(text.ToString());

        hints.Count(h => h.Kind == PlainLanguageHintKind.Jargon).ShouldBe(repeats * 2);
        hints.Count(h => h.Kind == PlainLanguageHintKind.LongSentence).ShouldBe(repeats);
        hints.Count(h => h.Kind == PlainLanguageHintKind.Abbreviation).ShouldBe(1);
    }

    // The editable list

    [Fact]
    public void Parse_WhenDefaultList_HasNoErrorsAndGenuineEntries()
    {
        var guide = PlainLanguageGuide.Parse(PlainLanguageGuide.DefaultList, out var errors);

        errors.ShouldBeEmpty();
        guide.Terms.Count.ShouldBeInRange(60, 100);
        guide.Terms.ShouldContain(new PlainLanguageTerm("LAC", "looked after child", PlainLanguageHintKind.Abbreviation));
        guide.Terms.ShouldContain(new PlainLanguageTerm("in respect of", "about", PlainLanguageHintKind.Jargon));
        guide.AllowedAbbreviations.ShouldContain("GP");
    }

    [Theory]
    [InlineData("disclosed told", "Line 3: put a | between the word and its plain alternative, or an = between an abbreviation and what it stands for")]
    [InlineData(" | told", "Line 3: write the word or phrase before the |")]
    [InlineData("'disclosed' | told", "Line 3: start the word or phrase before the | with a letter or a number")]
    [InlineData("disclosed |", "Line 3: write the plain alternative after the |")]
    [InlineData("disclosed | told | said", "Line 3: use only one | on a line")]
    [InlineData("Lac = looked after child", "Line 3: write the abbreviation before the = in capital letters, 2 to 6 letters or digits, for example \"LAC = looked after child\"")]
    [InlineData("LAC =", "Line 3: write what \"LAC\" stands for after the =")]
    [InlineData("allow: GP, A&E", "Line 3: \"A&E\" cannot go on the allow-list. List abbreviations of 2 to 6 capital letters or digits, separated by commas, for example \"allow: GP, NHS\"")]
    public void Parse_WhenALineCannotBeRead_SaysWhichLineAndWhatIsWrong(string line, string error)
    {
        PlainLanguageGuide.Parse($"# our list\n\n{line}\nprior to | before", out var errors);

        errors.ShouldBe([error]);
    }

    [Fact]
    public void Parse_WhenSomeLinesAreWrong_KeepsTheRest()
    {
        var guide = PlainLanguageGuide.Parse("prior to | before\nnonsense\nCIN = child in need", out var errors);

        errors.ShouldHaveSingleItem().ShouldStartWith("Line 2:");
        guide.Terms.Select(t => t.Term).ShouldBe(["prior to", "CIN"]);
    }

    [Theory]
    [InlineData("de-escalate | calm down\r\ndeescalate | calm", "deescalate")]
    [InlineData("LAC = looked after child\nLAC = looked after children", "LAC")]
    [InlineData("DV | domestic abuse\nDV = domestic violence", "DV")]
    public void Parse_WhenAnEntryIsRepeated_NamesTheEarlierLine(string listText, string term)
    {
        var guide = PlainLanguageGuide.Parse(listText, out var errors);

        errors.ShouldBe([$"Line 2: \"{term}\" is already in the list on line 1"]);
        guide.Terms.Count.ShouldBe(1);
    }

    [Fact]
    public void Parse_WhenNull_GivesAnEmptyGuideThatStillChecksSentences()
    {
        var guide = PlainLanguageGuide.Parse(null, out var errors);

        errors.ShouldBeEmpty();
        guide.Terms.ShouldBeEmpty();
        guide.Check("Prior to the visit.").ShouldBeEmpty();
        guide.Check(Sentence(30)).ShouldHaveSingleItem().Kind.ShouldBe(PlainLanguageHintKind.LongSentence);
    }

    [Fact]
    public void Parse_WhenPhraseHasExtraSpaces_KeepsItTidy() =>
        Custom("in   order  to |  to ").Terms.ShouldHaveSingleItem().ShouldBe(new PlainLanguageTerm("in order to", "to", PlainLanguageHintKind.Jargon));

    [Fact]
    public void ToListText_WhenParsedAgain_GivesTheSameGuide()
    {
        var text = Guide.ToListText();

        var again = PlainLanguageGuide.Parse(text, out var errors);

        errors.ShouldBeEmpty();
        again.Terms.ShouldBe(Guide.Terms);
        again.AllowedAbbreviations.ShouldBe(Guide.AllowedAbbreviations);
        again.ToListText().ShouldBe(text);
    }
}
