using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Tests.Knowledge;

/// <summary><c>chatbot facts check</c>: the real store passes; a broken quote, id, topic or coverage is caught and named.</summary>
public sealed class FactCheckerTests : IClassFixture<RealKnowledge>
{
    private readonly RealKnowledge _real;
    private readonly FactChecker _checker;

    public FactCheckerTests(RealKnowledge real)
    {
        _real = real;
        _checker = new FactChecker(real.Knowledge.Corpus, real.Knowledge.Topics, real.Knowledge.Entities);
    }

    [Fact]
    public void The_curated_fact_store_passes_with_150_facts_and_full_coverage()
    {
        var report = _checker.Check(_real.Knowledge.Store);

        report.Errors.ShouldBeEmpty();
        report.Uncovered.ShouldBeEmpty();
        report.FactCount.ShouldBeGreaterThanOrEqualTo(150);
        report.Passed.ShouldBeTrue();
    }

    [Fact]
    public void A_quote_the_seed_does_not_contain_is_an_error_naming_the_fact()
    {
        var real = _real.Knowledge.Store.Find("diplomatic-ties-established-1992")!;
        var broken = real with { Id = "ties-bad-quote", Quote = real.Quote.Replace("1992", "1993", StringComparison.Ordinal) };

        var report = _checker.Check(Store(broken));

        report.Passed.ShouldBeFalse();
        report.Errors.ShouldContain(e => e.Entry == "ties-bad-quote" && e.Message.Contains("not in", StringComparison.Ordinal));
    }

    [Fact]
    public void A_quote_at_the_wrong_lines_is_an_error_that_says_where_it_is()
    {
        var real = _real.Knowledge.Store.Find("diplomatic-ties-established-1992")!;
        var moved = real with { Id = "ties-wrong-lines", FirstLine = real.FirstLine + 2, LastLine = real.LastLine + 2, AlsoIn = [] };

        var report = _checker.Check(Store(moved));

        report.Errors.ShouldContain(e => e.Entry == "ties-wrong-lines" && e.Message.Contains($"is at lines {real.Lines}", StringComparison.Ordinal));
    }

    [Fact]
    public void Duplicate_ids_unknown_topics_and_unsortable_dates_are_errors()
    {
        var real = _real.Knowledge.Store.Find("diplomatic-ties-established-1992")!;

        var report = _checker.Check(Store(real, real with { Topic = "weather", AsOf = "Jan 1992" }));

        report.Errors.ShouldContain(e => e.Message.Contains("ids must be unique", StringComparison.Ordinal));
        report.Errors.ShouldContain(e => e.Message.Contains("unknown topic 'weather'", StringComparison.Ordinal));
        report.Errors.ShouldContain(e => e.Message.Contains("asOf 'Jan 1992'", StringComparison.Ordinal));
    }

    [Fact]
    public void Seed_lines_no_fact_covers_are_reported()
    {
        var report = _checker.Check(Store(_real.Knowledge.Store.Find("diplomatic-ties-established-1992")!));

        report.Passed.ShouldBeFalse();
        report.Uncovered.ShouldContain(u => u.Source == "002_9525e256da1a01e8.txt" && u.Line == 59);
        report.Uncovered.ShouldNotContain(u => u.Source == "000_d4e2d44c68f0d52c.txt" && u.Line == 2); // empty lines need no fact
    }

    [Fact]
    public void Broken_yaml_is_reported_with_file_line_and_nearest_fact()
    {
        var file = Path.Combine(Path.GetTempPath(), $"facts-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, "facts:\n  - id: first-fact\n    topic: trade\n    questions: [a\n    answer: b\n");
        try
        {
            var error = Should.Throw<ChatBotDataException>(() => FactStore.Load(file));
            error.Message.ShouldContain(Path.GetFileName(file));
            error.Message.ShouldContain("first-fact");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_misspelt_field_is_an_error_not_silently_ignored()
    {
        var file = Path.Combine(Path.GetTempPath(), $"facts-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, "facts:\n  - id: typo-fact\n    topik: trade\n");
        try
        {
            Should.Throw<ChatBotDataException>(() => FactStore.Load(file)).Message.ShouldContain("typo-fact");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static FactStore Store(params Fact[] facts) => new(facts, [], []);
}
