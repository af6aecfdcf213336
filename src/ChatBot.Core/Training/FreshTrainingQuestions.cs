using ChatBot.Core.Evaluation;
using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Training;

/// <summary>
/// A fresh set's tuning half as answer-model training questions: each answerable question gets the facts whose seed
/// lines hold its expected quote (or one of its <c>also:</c> places), each out-of-scope question stays one. Only single
/// questions: a conversation's turns depend on the turns before them. A final half is never read here.
/// </summary>
public static class FreshTrainingQuestions
{
    /// <summary>The questions of <paramref name="set"/> with their facts; an answerable one no fact covers is left out.</summary>
    public static IReadOnlyList<DevQuestion> WithFacts(EvalSet set, KnowledgeBase knowledge)
    {
        var questions = new List<DevQuestion>();
        foreach (var question in set.Questions)
        {
            if (question.IsOutOfScope)
            {
                questions.Add(question);
                continue;
            }
            if (question.Source is null || question.Expect is null)
            {
                continue;
            }
            var places = question.Also.Prepend(new ExpectedPlace(question.Source, question.Expect, question.Lines ?? new LineRange(1, int.MaxValue)));
            var facts = places
                .Select(p => (Place: p, Lines: knowledge.Corpus.Document(p.Source)?.Find(p.Quote, p.Lines)))
                .Where(p => p.Lines is not null)
                .SelectMany(p => Closest(p.Place.Quote, knowledge.Facts.Where(f => f.Locations.Any(l => l.Source == p.Place.Source && l.Lines.Overlaps(p.Lines!.Value)))))
                .Select(f => f.Id)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            if (facts.Count > 0)
            {
                questions.Add(question with { Facts = facts });
            }
        }
        return questions;
    }

    /// <summary>
    /// Of the facts on a quote's lines, those whose own quote holds most of its words: a line often carries two facts
    /// (Busan's consulate and Busan's port), and a question about one is not right for the other. With no fact holding
    /// at least half its words, every fact on the lines.
    /// </summary>
    private static IEnumerable<Fact> Closest(string quote, IEnumerable<Fact> onLines)
    {
        var wanted = WordsOf(quote);
        var scored = onLines.Select(f => (Fact: f, Share: wanted.Count == 0 ? 0 : (double)wanted.Count(WordsOf(f.Quote).Contains) / wanted.Count)).ToList();
        var best = scored.Count == 0 ? 0 : scored.Max(s => s.Share);
        return best < 0.5 ? scored.Select(s => s.Fact) : scored.Where(s => s.Share >= best - 1e-9).Select(s => s.Fact);
    }

    private static HashSet<string> WordsOf(string text) =>
        [.. System.Text.RegularExpressions.Regex.Split(text.ToLowerInvariant(), @"[^\p{L}\p{N}]+").Where(w => w.Length > 0)];

    /// <summary>Whether a file is a fresh set's final half (its header says so): it is run once, never learned from.</summary>
    public static bool IsFinalHalf(string file) =>
        File.ReadLines(file).FirstOrDefault()?.StartsWith("# Final half", StringComparison.Ordinal) == true;
}
