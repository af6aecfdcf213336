using ChatBot.Core.Dialogs;
using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Evaluation;

/// <summary>
/// Runs a question set through any <see cref="IQuestionAnswerer"/> and judges what the user would see. Each single
/// question gets its own conversation (after its <c>after</c> turn when it has one); each conversation of the set
/// runs turn by turn in one. A right answer cites one of the expected facts (a passage: where one of them is), or,
/// for a question without fact ids, cites the expected seed at the lines where the expected phrase occurs (within
/// the question's <c>lines</c> when it gives them); an out-of-scope question or turn must be refused (no citation).
/// A cited answer that is not right and says nothing of doubt (<see cref="UncertaintyWording"/>) is confidently wrong.
/// A near miss (<see cref="AnswerKind.NearMiss"/>: "I don't know that for 2031 … what they do give: …") refuses, though
/// it cites what the documents hold: right for an out-of-scope question, a refusal for an answerable one.
/// </summary>
public sealed class Evaluator(KnowledgeBase knowledge)
{
    // A citation names a fact's location and quote, not its id: this maps it back to the fact(s) it belongs to.
    private readonly ILookup<(string Source, int First, int Last, string Quote), string> _factsByCitation = knowledge.Facts
        .SelectMany(f => f.Locations.Select(l => (Key: (l.Source, l.FirstLine, l.LastLine, l.Quote), f.Id)))
        .ToLookup(x => x.Key, x => x.Id);

    /// <summary>Single questions only, as the dev set has them.</summary>
    public async Task<(EvalReport Report, IReadOnlyList<EvalOutcome> Outcomes)> RunAsync(
        IQuestionAnswerer answerer, IReadOnlyList<DevQuestion> questions, string setName, CancellationToken cancellationToken)
    {
        var run = await RunAsync(answerer, new EvalSet(questions, []), setName, cancellationToken).ConfigureAwait(false);
        return (run.Report, run.Outcomes);
    }

    public async Task<EvalRun> RunAsync(IQuestionAnswerer answerer, EvalSet set, string setName, CancellationToken cancellationToken)
    {
        var questions = set.Questions;
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
        var conversations = new List<ConversationOutcome>(set.Conversations.Count);
        foreach (var dialogue in set.Conversations)
        {
            var conversation = $"eval-{setName}-{run}-c{dialogue.Number}";
            var turns = new List<EvalOutcome>(dialogue.Turns.Count);
            foreach (var turn in dialogue.Turns)
            {
                var answer = await answerer.AnswerAsync(conversation, turn.Q, cancellationToken).ConfigureAwait(false);
                turns.Add(Judge(turn, answer));
            }
            conversations.Add(new ConversationOutcome(dialogue.Number, turns));
        }
        return new EvalRun(Summarise(setName, questions, outcomes, conversations), outcomes, conversations);
    }

    private static EvalReport Summarise(string setName, IReadOnlyList<DevQuestion> questions, List<EvalOutcome> outcomes, List<ConversationOutcome> conversations)
    {
        var answerable = questions.Select((q, i) => (q, o: outcomes[i])).Where(x => !x.q.IsOutOfScope && x.q.ExpectsCitation).ToList();
        var outOfScope = questions.Select((q, i) => (q, o: outcomes[i])).Where(x => x.q.IsOutOfScope).ToList();
        var nearMisses = outOfScope.Where(x => x.q.IsNearMiss).ToList();
        var perIntent = answerable.Concat(outOfScope).GroupBy(x => x.q.Intent, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new IntentScore(g.Count(), g.Count(x => x.o.Right)), StringComparer.Ordinal);
        var turns = conversations.SelectMany(c => c.Turns).ToList();
        return new EvalReport(
            setName,
            questions.Count,
            answerable.Count,
            answerable.Count(x => x.o.Right),
            outOfScope.Count,
            outOfScope.Count(x => x.o.Right),
            questions.Count - answerable.Count - outOfScope.Count,
            perIntent,
            [.. answerable.Concat(outOfScope).Where(x => !x.o.Right).Select(x => x.o)])
        {
            ConfidentlyWrong = answerable.Concat(outOfScope).Count(x => x.o.ConfidentlyWrong),
            CorrectStrictly = answerable.Count(x => x.o.RightStrictly),
            ConfidentlyWrongStrictly = answerable.Concat(outOfScope).Count(x => x.o.Cited && !x.o.RightStrictly && !x.o.Hedged),
            ConversationsRightStrictly = conversations.Count(c => c.Turns.All(t => t.RightStrictly)),
            NearMisses = nearMisses.Count,
            NearMissesRefused = nearMisses.Count(x => x.o.Right),
            Conversations = conversations.Count,
            ConversationsRight = conversations.Count(c => c.Right),
            Turns = turns.Count,
            TurnsRight = turns.Count(t => t.Right),
            TurnsConfidentlyWrong = turns.Count(t => t.ConfidentlyWrong),
            BrokenConversations = [.. conversations.Where(c => !c.Right)],
            DataProblems = [.. outcomes.Concat(turns).Where(o => o.Miss == MissKinds.BadExpectation).Select(o => $"\"{o.Question}\": {o.Expected}").Distinct()],
        };
    }

    /// <summary>Judges one reply to one question, as a user would see it.</summary>
    public EvalOutcome Judge(DevQuestion question, BotAnswer answer)
    {
        var cited = answer.Citations.Count > 0;
        // A near miss refuses and cites what the documents hold instead: a refusal, never the answer.
        var nearMiss = answer.Kind == AnswerKind.NearMiss;
        var got = !cited
            ? $"no citation ({answer.Kind})"
            : $"{string.Join("; ", answer.Citations.Take(3).Select(c => c.Label))}{(answer.Citations.Count > 3 ? "; ..." : "")} — {Shorten(answer.Text)}";
        string expected;
        bool right;
        bool? strict = null;
        var located = true;
        if (question.IsOutOfScope)
        {
            (expected, right) = ("a refusal", !cited || nearMiss);
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
            var at = knowledge.Corpus.Document(question.Source)?.Find(question.Expect, question.Lines);
            located = at is not null;
            expected = at is not null
                ? $"{question.Source}, lines {at} \"{question.Expect}\""
                : question.Lines is { } lines
                    ? $"{question.Source}: the expected phrase is not at lines {lines} of this seed — fix the question: \"{question.Expect}\""
                    : $"{question.Source}: the expected phrase is not in this seed — fix the question: \"{question.Expect}\"";
            right = at is { } found && Cites(answer, question.Source, found);
            strict = right;
            // Another place the label review found to give the same answer is as right (a place it misquotes never is).
            right |= located && question.Also.Any(p => knowledge.Corpus.Document(p.Source)?.Find(p.Quote, p.Lines) is { } other && Cites(answer, p.Source, other));
        }
        else
        {
            (expected, right) = ("(not scored)", true);
        }
        right &= question.IsOutOfScope || !nearMiss;
        var rightStrictly = (strict ?? right) && (question.IsOutOfScope || !nearMiss);
        var miss = right ? null
            : !located ? MissKinds.BadExpectation
            : question.IsOutOfScope ? MissKinds.OutOfScopeAnswered
            : cited && !nearMiss ? MissKinds.WrongFact
            : MissKinds.NotAnswered;
        return new EvalOutcome(question.Q, question.After, question.Intent, question.Holdout, expected, got, answer.Kind.ToString(), answer.Confidence, right)
        {
            Cited = cited,
            Hedged = UncertaintyWording.IsIn(answer.Text),
            Miss = miss,
            RightStrictly = rightStrictly,
        };
    }

    private static bool Cites(BotAnswer answer, string source, LineRange lines) =>
        answer.Citations.Any(c => c.Source == source && lines.Overlaps(new LineRange(c.FirstLine, c.LastLine)));

    private HashSet<string> CitedFacts(Citation citation) =>
        [.. _factsByCitation[(citation.Source, citation.FirstLine, citation.LastLine, citation.Quote)]];

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= 90 ? line : line[..87] + "...";
    }
}

/// <summary>One run of <see cref="Evaluator"/>: the summary, every single question's outcome and every conversation's.</summary>
public sealed record EvalRun(EvalReport Report, IReadOnlyList<EvalOutcome> Outcomes, IReadOnlyList<ConversationOutcome> Conversations);
