using System.Globalization;
using System.Text;
using ChatBot.Core.Dialogs;
using ChatBot.Core.Knowledge;

namespace ChatBot.Cli;

/// <summary>
/// What <c>chatbot ask --explain</c> prints: the turn's decision as the pipeline made it (the message as resolved,
/// the intent ranking, the kind of reply and why), then the words as the lexicon read them and the facts and passage
/// ranked, with scores.
/// </summary>
internal static class RetrievalExplanation
{
    public static string Explain(KnowledgeBase knowledge, AnswerDecision decision)
    {
        var text = new StringBuilder();
        var message = decision.Message;
        var question = KnowledgeDecider.RetrievalText(message.Question);
        text.Append(CultureInfo.InvariantCulture, $"read as: {message.Mode}; question \"{message.Question}\"{(message.Previous is null ? "" : $" with context \"{message.Previous}\"")}");
        if (decision.Ranking is { } ranking)
        {
            text.Append("\nintents: ").AppendJoin(", ", ranking.Ranked.Take(3).Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Intent} {s.Score:0.00}")));
        }
        text.Append(CultureInfo.InvariantCulture, $"\ndecision: {decision.Kind} ({decision.Reason}), intent {decision.Intent}, confidence {decision.Confidence:0.000}");
        if (decision.Facts.Count > 0)
        {
            text.Append("; facts ").AppendJoin(", ", decision.Facts.Select(f => f.Id));
        }
        text.Append('\n');
        var analyzed = new AnalyzedText();
        knowledge.Lexicon.Analyze(question, correctTypos: true, analyzed);
        text.Append("terms:");
        for (var i = 0; i < analyzed.Terms.Count; i++)
        {
            text.Append(' ').Append(knowledge.Lexicon.Term(analyzed.Terms[i]))
                .Append(analyzed.Corrected[i] ? "(typo)" : "").Append(analyzed.InAlias[i] ? "(alias)" : "");
        }
        text.Append("\nunknown: ").AppendJoin(' ', analyzed.Unknown);
        var timeline = TimelineBuilder.IsTimelineQuestion(message.Question);
        var retrieval = knowledge.Retriever.Retrieve(question);
        text.Append(CultureInfo.InvariantCulture, $"\ntimeline cue: {timeline}; coverage confidence {retrieval.Confidence:0.000}");
        text.Append(knowledge.Meaning is { } meaning
            ? string.Create(CultureInfo.InvariantCulture, $"\nmeaning: encoder {meaning.Encoder.Name}, best cosine {retrieval.TopCosine:0.000} (per fact: closest form/answer/quote, rank by meaning; the first {FactRetriever.WordHead} by words, then up to {FactRetriever.DenseCandidates} by meaning)")
            : "\nmeaning: none (no models/fact-vectors.bin)");
        foreach (var ranked in retrieval.Facts)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n  {ranked.Score,7:0.00} cov {ranked.Coverage:0.00} bm25 {ranked.Bm25,6:0.00} form {ranked.FormSimilarity:0.00} " +
                $"meaning {ranked.FormCosine:0.00}/{ranked.AnswerCosine:0.00}/{ranked.QuoteCosine:0.00} #{ranked.DenseRank + 1}  {ranked.Fact.Id} [{ranked.Fact.Topic}]");
        }
        if (decision.Knowledge?.Judgement is { Probabilities.Count: > 0 } judged && decision.Knowledge.Retrieval is { } weighed)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nanswer model (threshold {judged.Threshold:0.00}; see models/answer-model.json): " +
                $"{(judged.Answers ? "answers with" : "refuses; best")} candidate {judged.Index + 1} at probability {judged.Probability:0.000}");
            for (var i = 0; i < judged.Probabilities.Count; i++)
            {
                var features = judged.Features[i];
                text.Append(CultureInfo.InvariantCulture, $"\n  p {judged.Probabilities[i]:0.000}  {weighed.Facts[i].Fact.Id}: ")
                    .AppendJoin(", ", AnswerFeatures.Names.Select((n, j) => string.Create(CultureInfo.InvariantCulture, $"{n} {features[j]:0.##}")));
            }
        }
        if (knowledge.Passages.Find(question) is { } passage)
        {
            text.Append(CultureInfo.InvariantCulture, $"\npassage {passage.Score:0.00} conf {passage.Confidence:0.00} (threshold {knowledge.Options.PassageThreshold}): {passage.Passage.Source}:{passage.Passage.Lines} {passage.Passage.Text}");
        }
        return text.ToString();
    }
}
