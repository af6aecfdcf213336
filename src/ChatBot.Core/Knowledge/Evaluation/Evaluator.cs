using ChatBot.Core.Dialogs;

namespace ChatBot.Core.Knowledge.Evaluation;

/// <summary>
/// Runs dev questions through any <see cref="IQuestionAnswerer"/> (each in its own conversation, after its
/// <c>after</c> turn when it has one) and judges what the user would see: a right answer cites one of the expected
/// facts (a passage: where one of them is), or, for a question without fact ids, cites the expected seed at the line
/// where the expected phrase occurs; an out-of-scope question must be refused.
/// </summary>
public sealed class Evaluator(KnowledgeBase knowledge)
{
    // A citation names a fact's location and quote, not its id: this maps it back to the fact(s) it belongs to.
    private readonly ILookup<(string Source, int First, int Last, string Quote), string> _factsByCitation = knowledge.Facts
        .SelectMany(f => f.Locations.Select(l => (Key: (l.Source, l.FirstLine, l.LastLine, l.Quote), f.Id)))
        .ToLookup(x => x.Key, x => x.Id);

    public async Task<(EvalReport Report, IReadOnlyList<EvalOutcome> Outcomes)> RunAsync(
        IQuestionAnswerer answerer, IReadOnlyList<DevQuestion> questions, string setName, CancellationToken cancellationToken)
    {
        var outcomes = new List<EvalOutcome>(questions.Count);
        var run = Guid.NewGuid().ToString("N")[..8]; // two runs on one answerer never share a conversation
        for (var i = 0; i < questions.Count; i++)
        {
            var question = questions[i];
            var conversation = $"eval-{setName}-{run}-{i}";
            if (question.After is not null)
            {
                await answerer.AnswerAsync(conversation, question.After, cancellationToken).ConfigureAwait(false);
            }
            var answer = await answerer.AnswerAsync(conversation, question.Q, cancellationToken).ConfigureAwait(false);
            outcomes.Add(Judge(question, answer));
        }
        var answerable = questions.Select((q, i) => (q, o: outcomes[i])).Where(x => !x.q.IsOutOfScope && x.q.ExpectsCitation).ToList();
        var outOfScope = questions.Select((q, i) => (q, o: outcomes[i])).Where(x => x.q.IsOutOfScope).ToList();
        var perIntent = answerable.Concat(outOfScope).GroupBy(x => x.q.Intent, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new IntentScore(g.Count(), g.Count(x => x.o.Right)), StringComparer.Ordinal);
        var report = new EvalReport(
            setName,
            questions.Count,
            answerable.Count,
            answerable.Count(x => x.o.Right),
            outOfScope.Count,
            outOfScope.Count(x => x.o.Right),
            questions.Count - answerable.Count - outOfScope.Count,
            perIntent,
            [.. answerable.Concat(outOfScope).Where(x => !x.o.Right).Select(x => x.o)]);
        return (report, outcomes);
    }

    private EvalOutcome Judge(DevQuestion question, BotAnswer answer)
    {
        var got = answer.Citations.Count == 0
            ? $"no citation ({answer.Kind})"
            : $"{string.Join("; ", answer.Citations.Take(3).Select(c => c.Label))}{(answer.Citations.Count > 3 ? "; ..." : "")} — {Shorten(answer.Text)}";
        string expected;
        bool right;
        if (question.IsOutOfScope)
        {
            (expected, right) = ("a refusal", answer.Citations.Count == 0);
        }
        else if (question.Facts.Count > 0)
        {
            expected = "fact " + string.Join(" or ", question.Facts);
            right = answer.Citations.Any(c => CitedFacts(c) is { Count: > 0 } ids
                ? ids.Overlaps(question.Facts)
                : question.Facts.Select(knowledge.Store.Find).OfType<Fact>().SelectMany(f => f.Locations)
                    .Any(l => l.Source == c.Source && l.Lines.Overlaps(new LineRange(c.FirstLine, c.LastLine)))); // a passage: judged by where it is
        }
        else if (question.Source is not null && question.Expect is not null)
        {
            var at = knowledge.Corpus.Document(question.Source)?.Find(question.Expect);
            expected = at is null
                ? $"{question.Source}: the expected phrase is not in this seed — fix the question: \"{question.Expect}\""
                : $"{question.Source}, lines {at} \"{question.Expect}\"";
            right = at is { } lines && answer.Citations.Any(c => c.Source == question.Source && lines.Overlaps(new LineRange(c.FirstLine, c.LastLine)));
        }
        else
        {
            (expected, right) = ("(not scored)", true);
        }
        return new EvalOutcome(question.Q, question.After, question.Intent, question.Holdout, expected, got, answer.Kind.ToString(), answer.Confidence, right);
    }

    private HashSet<string> CitedFacts(Citation citation) =>
        [.. _factsByCitation[(citation.Source, citation.FirstLine, citation.LastLine, citation.Quote)]];

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= 90 ? line : line[..87] + "...";
    }
}
