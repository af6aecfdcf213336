using ChatBot.Core.Knowledge;
using ChatBot.Core.Evaluation;

namespace ChatBot.Core.Tests.Knowledge;

/// <summary>
/// The fresh question set's format and its split into a tuning half and a final half: read on small inline files,
/// and the committed halves checked against the whole (without asking the bot anything).
/// </summary>
public sealed class FreshQuestionSetTests : IDisposable
{
    private const string Inline = """
        answerable:
        - q: first of doc a
          source: a.txt
          lines: [1, 1]
          answer: one
          quote: alpha
        - q: first of doc b
          source: b.txt
          lines: [2, 3]
          answer: two
          quote: beta
        - q: second of doc a
          source: a.txt
          lines: [4, 4]
          answer: three
          quote: gamma
        out_of_scope:
        - q: near one
          kind: near_miss
          why: not given
        - q: unrelated one
          kind: unrelated
          why: off topic
        - q: near two
          kind: near_miss
          why: not given
        conversations:
        - turns:
          - q: opening
            source: a.txt
            lines: [1, 1]
            answer: one
            quote: alpha
          - q: and in 2031?
            out_of_scope: true
            why: no such year
        - turns:
          - q: second conversation
            source: b.txt
            lines: [2, 2]
            answer: two
            quote: beta

        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("fresh-set-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Reads_answerable_out_of_scope_and_conversation_entries_with_their_lines_and_kinds()
    {
        var set = FreshQuestionSet.Load(Write("fresh.yaml", Inline));

        set.Questions.Count.ShouldBe(6);
        set.Questions[1].ShouldSatisfyAllConditions(
            q => q.Source.ShouldBe("b.txt"), q => q.Expect.ShouldBe("beta"), q => q.Lines.ShouldBe(new LineRange(2, 3)), q => q.IsOutOfScope.ShouldBeFalse());
        set.Questions.Where(q => q.IsNearMiss).Select(q => q.Q).ShouldBe(["near one", "near two"]);
        set.Conversations.Select(c => c.Turns.Count).ShouldBe([2, 1]);
        set.Conversations[0].Turns[1].IsOutOfScope.ShouldBeTrue();
    }

    [Fact]
    public void Tells_a_fresh_set_from_the_dev_sets_format()
    {
        FreshQuestionSet.IsFreshFormat(Write("fresh.yaml", Inline)).ShouldBeTrue();
        FreshQuestionSet.IsFreshFormat(Write("dev.yaml", "questions:\n- q: hi\n  intent: greeting\n")).ShouldBeFalse();
    }

    [Fact]
    public void An_answerable_entry_without_lines_is_refused_with_its_position()
    {
        var path = Write("bad.yaml", "answerable:\n- q: ok\n  source: a.txt\n  lines: [1, 1]\n  quote: alpha\n- q: no lines here\n  source: a.txt\n  quote: alpha\n");

        var error = Should.Throw<ChatBotDataException>(() => FreshQuestionSet.Load(path));

        error.Message.ShouldContain("answerable #2 (no lines here)");
        error.Message.ShouldContain("lines: [first, last]");
    }

    [Fact]
    public void Split_alternates_within_each_document_each_kind_and_the_conversations_copying_entries_verbatim()
    {
        var (tuning, final) = FreshSetSplit.Split(Inline, "fresh.yaml");
        var tuningSet = FreshQuestionSet.Load(Write("tuning.yaml", tuning));
        var finalSet = FreshQuestionSet.Load(Write("final.yaml", final));

        tuningSet.Questions.Select(q => q.Q).ShouldBe(["first of doc a", "first of doc b", "near one", "unrelated one"]);
        finalSet.Questions.Select(q => q.Q).ShouldBe(["second of doc a", "near two"]);
        tuningSet.Conversations.Select(c => c.Turns[0].Q).ShouldBe(["opening"]);
        finalSet.Conversations.Select(c => c.Turns[0].Q).ShouldBe(["second conversation"]);
        tuning.ShouldContain("- q: first of doc b\n  source: b.txt\n  lines: [2, 3]\n  answer: two\n  quote: beta\n");
        final.ShouldStartWith("# Final half");
    }

    [Theory]
    [InlineData("fresh")]
    [InlineData("fresh2")]
    [InlineData("fresh3")]
    [InlineData("fresh4")]
    [InlineData("fresh5")]
    public void The_committed_halves_are_the_split_of_the_whole_fresh_set(string set)
    {
        var folder = Path.Combine(RealKnowledge.RepoRoot(), "tests", "data", set);

        var (tuning, final) = FreshSetSplit.Split(File.ReadAllText(Path.Combine(folder, "fresh.yaml")), Path.Combine(folder, "fresh.yaml"));

        File.ReadAllText(Path.Combine(folder, "tuning.yaml")).ShouldBe(tuning, "tuning.yaml is out of date: run `chatbot eval split`");
        File.ReadAllText(Path.Combine(folder, "final.yaml")).ShouldBe(final, "final.yaml is out of date: run `chatbot eval split`");
    }

    [Theory]
    [InlineData("fresh", 241 + 121 - 14)]
    [InlineData("fresh2", 228 + 111 - 18)]
    [InlineData("fresh3", 251 + 134 - 27)]
    [InlineData("fresh4", 270 + 138 - 27)]
    [InlineData("fresh5", 260 + 140 - 20)]
    [InlineData("fresh6", 250 + 162 - 35)]
    public void Every_answerable_entry_of_the_fresh_set_quotes_its_seed_at_its_lines(string folder, int count)
    {
        var root = RealKnowledge.RepoRoot();
        var corpus = SeedCorpus.Load(Path.Combine(root, "seeds"));
        var set = FreshQuestionSet.Load(Path.Combine(root, "tests", "data", folder, "fresh.yaml"));

        var answerable = set.Questions.Concat(set.Conversations.SelectMany(c => c.Turns)).Where(q => !q.IsOutOfScope).ToList();

        answerable.Count.ShouldBe(count);
        answerable.Where(q => corpus.Find(q.Source!, q.Expect!, q.Lines!.Value.First, q.Lines.Value.Last) is null)
            .Select(q => $"{q.Q}: {q.Source} {q.Lines} \"{q.Expect}\"").ShouldBeEmpty();
        answerable.SelectMany(q => q.Also.Select(p => (q, p)))
            .Where(x => corpus.Find(x.p.Source, x.p.Quote, x.p.Lines.First, x.p.Lines.Last) is null)
            .Select(x => $"{x.q.Q}: also {x.p.Source} {x.p.Lines} \"{x.p.Quote}\"").ShouldBeEmpty();
    }
}
