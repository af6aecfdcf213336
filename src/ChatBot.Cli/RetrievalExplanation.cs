using System.Globalization;
using System.Text;
using ChatBot.Core.Knowledge;

namespace ChatBot.Cli;

/// <summary>What <c>chatbot ask --explain</c> prints: the words as the lexicon read them, and the facts and passage ranked, with scores.</summary>
internal static class RetrievalExplanation
{
    public static string Explain(KnowledgeBase knowledge, string question)
    {
        var text = new StringBuilder();
        var analyzed = new AnalyzedText();
        knowledge.Lexicon.Analyze(question, correctTypos: true, analyzed);
        text.Append("terms:");
        for (var i = 0; i < analyzed.Terms.Count; i++)
        {
            text.Append(' ').Append(knowledge.Lexicon.Term(analyzed.Terms[i]))
                .Append(analyzed.Corrected[i] ? "(typo)" : "").Append(analyzed.InAlias[i] ? "(alias)" : "");
        }
        text.Append("\nunknown: ").AppendJoin(' ', analyzed.Unknown);
        var timeline = TimelineBuilder.IsTimelineQuestion(question);
        var retrieval = knowledge.Retriever.Retrieve(timeline ? TimelineBuilder.WithoutCue(question) : question);
        text.Append(CultureInfo.InvariantCulture, $"\ntimeline cue: {timeline}; confidence {retrieval.Confidence:0.000} (threshold {knowledge.Options.AnswerThreshold})");
        foreach (var ranked in retrieval.Facts)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n  {ranked.Score,7:0.00} cov {ranked.Coverage:0.00} bm25 {ranked.Bm25,6:0.00} form {ranked.FormSimilarity:0.00}  {ranked.Fact.Id} [{ranked.Fact.Topic}]");
        }
        if (knowledge.Passages.Find(question) is { } passage)
        {
            text.Append(CultureInfo.InvariantCulture, $"\npassage {passage.Score:0.00} conf {passage.Confidence:0.00} (threshold {knowledge.Options.PassageThreshold}): {passage.Passage.Source}:{passage.Passage.Lines} {passage.Passage.Text}");
        }
        return text.ToString();
    }
}
