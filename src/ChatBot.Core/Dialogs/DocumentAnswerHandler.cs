using ChatBot.Core.Intents;
using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Dialogs;

/// <summary>
/// The facts, timeline and people handlers: answers from the curated facts with the routed intent as a retrieval
/// prior. The knowledge answerer decides first (its refusals — dates after the documents, names they never mention —
/// and its timeline and passage answers stand); when it answers with a fact, the intent prior may pick a fact of the routed
/// topic that matches the question better (higher confidence), never a weaker one.
/// </summary>
public sealed class DocumentAnswerHandler(KnowledgeBase knowledge, KnowledgeAnswerer answerer) : IDialogHandler
{
    public IReadOnlyList<HandlerKind> Kinds { get; } = [HandlerKind.Facts, HandlerKind.Timeline, HandlerKind.People];

    public DialogReply Handle(DialogTurn turn)
    {
        var followUp = turn.FollowUp;
        var (answer, understood, candidates) = answerer.AnswerWithCandidates(turn.Question, turn.Previous, followUp);
        // The prior retrieval reads the conversation only when the answerer did (a follow-up), not for a new question.
        var context = understood is not null && understood != turn.Question ? turn.Previous : null;
        if (answer.Kind == AnswerKind.Fact && followUp is null && knowledge.Topics.Contains(turn.Intent))
        {
            // The answerer scored this very question (unless a timeline cue was left out of it): re-rank, don't rescan.
            var retrieval = candidates is not null && candidates.Question == turn.Question && (context is null || candidates.HasContext)
                ? candidates.Rank(turn.Intent, withContext: context is not null)
                : knowledge.Retriever.Retrieve(turn.Question, turn.Intent, context: context);
            if (retrieval.Best is { } best && retrieval.Confidence >= knowledge.Options.AnswerThreshold
                && best.Fact.Topic == turn.Intent && retrieval.Confidence > answer.Confidence && !Cites(answer, best.Fact))
            {
                answer = FactAnswer(best.Fact, retrieval, turn.Question);
            }
        }
        return Remember(answer);
    }

    /// <summary>The fact a question leads to with <paramref name="topic"/> as the prior, when one of that topic answers it confidently.</summary>
    public string? FactFor(string question, string topic)
    {
        var retrieval = knowledge.Retriever.Retrieve(question, topic, top: 1);
        return retrieval.Best is { } best && best.Fact.Topic == topic && retrieval.Confidence >= knowledge.Options.AnswerThreshold ? best.Fact.Id : null;
    }

    /// <summary>A fact as an answer, shaped as the knowledge answerer shapes it.</summary>
    public BotAnswer FactAnswer(Fact fact, FactRetrieval retrieval, string question) => answerer.FactAnswer(fact, retrieval, question);

    /// <summary>The answer with the facts it cites and their entities, for the conversation state.</summary>
    public DialogReply Remember(BotAnswer answer)
    {
        var facts = answer.Citations.Select(FactOf).OfType<Fact>().DistinctBy(f => f.Id).ToList();
        return new DialogReply(answer, [.. facts.Select(f => f.Id)], [.. facts.SelectMany(f => f.Entities).Distinct(StringComparer.OrdinalIgnoreCase)]);
    }

    private Fact? FactOf(Citation citation) =>
        knowledge.Facts.FirstOrDefault(f => f.Source == citation.Source && f.FirstLine == citation.FirstLine && f.LastLine == citation.LastLine && f.Quote == citation.Quote);

    private static bool Cites(BotAnswer answer, Fact fact) =>
        answer.Citations.Any(c => c.Source == fact.Source && c.FirstLine == fact.FirstLine && c.LastLine == fact.LastLine);
}
