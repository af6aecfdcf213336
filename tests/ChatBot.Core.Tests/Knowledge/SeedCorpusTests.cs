using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Tests.Knowledge;

/// <summary>Quotes are matched after normalization, and cited by the seeds' original line numbers.</summary>
public sealed class SeedCorpusTests
{
    private static readonly SeedCorpus Corpus = SeedCorpus.Load(Path.Combine(RealKnowledge.RepoRoot(), "seeds"));

    [Fact]
    public void Match_key_keeps_only_lower_case_letters_and_digits()
    {
        MatchKey.Of("Sec-\nond offi cial: US$4.2 Billion!").ShouldBe("secondofficialus42billion");
    }

    [Fact]
    public void All_five_seeds_load_with_their_original_lines()
    {
        Corpus.Documents.Count.ShouldBe(5);
        Corpus.Document("003_cd69928455d60492.txt")!.Line(7).ShouldBe("relations with South Korea were established on 28 January 1992.");
    }

    [Fact]
    public void Quote_joining_a_hard_line_break_and_a_line_end_hyphen_is_found_at_its_original_lines()
    {
        // The seed breaks "sec-" / "ond visit" across lines 22 and 23.
        Corpus.Find("003_cd69928455d60492.txt", "signed during the Kazakh president's second visit to South Korea in November 2003", 22, 23)
            .ShouldBe(new LineRange(22, 23));
    }

    [Fact]
    public void Ligature_split_in_the_seed_matches_the_plain_word()
    {
        Corpus.Find("003_cd69928455d60492.txt", "During his official visit to Seoul on 15-18 May 1995", 12, 12).ShouldBe(new LineRange(12, 12));
    }

    [Fact]
    public void Quote_outside_the_claimed_lines_is_not_found_there()
    {
        Corpus.Find("000_d4e2d44c68f0d52c.txt", "Diplomatic relations between our two countries were established on January 28, 1992", 3, 9).ShouldBeNull();
        Corpus.Document("000_d4e2d44c68f0d52c.txt")!.Find("Diplomatic relations between our two countries were established on January 28, 1992").ShouldBe(new LineRange(15, 15));
    }

    [Fact]
    public void Passages_are_sentences_with_their_line_ranges()
    {
        var passage = Corpus.Passages.Single(p => p.Text.StartsWith("Its total investment in Kazakhstan has reached about $3bn", StringComparison.Ordinal));
        passage.Source.ShouldBe("003_cd69928455d60492.txt");
        passage.Lines.ShouldBe(new LineRange(45, 46));
    }
}
