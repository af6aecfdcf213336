using ChatBot.Core;
using ChatBot.Core.Knowledge;
using Shouldly;
using Xunit;

namespace ChatBot.Core.Tests.Knowledge;

/// <summary>models/near-misses.yaml: questions on a fact's subject that no seed answers, which the answer model learns to refuse.</summary>
public sealed class NearMissFormsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("near-misses-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_committed_near_misses_name_existing_facts_and_none_is_a_question_form()
    {
        var paths = new ChatBotPaths(RealKnowledge.RepoRoot());
        var knowledge = KnowledgeBase.Load(paths, meaning: false);

        var forms = NearMissForms.Load(paths.NearMisses);

        forms.Count.ShouldBeGreaterThan(500);
        NearMissForms.Problems(forms, knowledge.Facts).Select(p => $"{p.Line}: {p.Message}").ShouldBeEmpty();
    }

    [Fact]
    public void An_unknown_fact_a_question_form_a_repeat_and_a_missing_reason_are_reported_at_their_lines()
    {
        var file = Path.Combine(_folder, "near-misses.yaml");
        File.WriteAllText(file, """
            nearMisses:
              - fact: trade-2019
                questions:
                  - q: 'how much did they trade in 2019'
                    why: 'it is a form of the fact'
                  - q: 'how many cars a year'
                    why: 'not given'
                  - q: 'How many cars a year?'
                    why: 'not given either'
              - fact: no-such-fact
                questions:
                  - q: 'who runs it'
                    why: ''
            """);
        Fact[] facts = [new Fact("trade-2019", "trade", ["how much did they trade in 2019"], "US$4.2 billion.", "the trade volume", "004.txt", 14, 14, "2019", [], [])];

        var problems = NearMissForms.Problems(NearMissForms.Load(file), facts).ToList();

        problems.Select(p => (p.Line, p.Message)).ShouldBe(
        [
            (4, "'how much did they trade in 2019' is also a question form of the fact 'trade-2019'"),
            (8, "'How many cars a year?' is listed twice"),
            (12, "the fact 'no-such-fact' does not exist"),
            (12, "a near miss needs both 'q' and 'why'"),
        ]);
    }

    [Fact]
    public void A_missing_file_is_no_near_misses()
    {
        NearMissForms.Load(Path.Combine(_folder, "absent.yaml")).ShouldBeEmpty();
    }
}
