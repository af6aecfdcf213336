using ChatBot.Core;
using ChatBot.Core.Knowledge;
using Shouldly;
using Xunit;

namespace ChatBot.Core.Tests.Knowledge;

/// <summary>
/// The answer model learns from held-out question forms as from users' questions: read with a vocabulary built
/// without them (<see cref="KnowledgeBase.LexiconOf"/>), a form's words that only it holds are unknown, as a user's are.
/// </summary>
public sealed class HeldOutVocabularyTests
{
    [Fact]
    public void A_form_left_out_of_the_vocabulary_meets_the_words_only_it_held_as_unknown()
    {
        var knowledge = KnowledgeBase.Load(new ChatBotPaths(RealKnowledge.RepoRoot()), meaning: false);
        var full = knowledge.Lexicon;

        // Every fact without its odd forms (a fold of training holds out a fifth): the words they alone held leave.
        var without = knowledge.Facts.Select(f => f with { Questions = [.. f.Questions.Where((_, j) => j % 2 == 0)] }).ToList();
        var lexicon = KnowledgeBase.LexiconOf(knowledge.Corpus, without, knowledge.Entities, full.Words);

        var left = knowledge.Facts.SelectMany(f => f.Questions.Where((_, j) => j % 2 == 1))
            .SelectMany(q => q.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(w => w.Trim('?', '.', ',', '!', '\'', '"').ToLowerInvariant())
            .Where(w => w.Length > 3 && w.All(char.IsLetter))
            .Distinct()
            .Where(w => full.TermId(w) >= 0 && lexicon.TermId(w) < 0)
            .ToList();
        left.ShouldNotBeEmpty("some form holds a word no seed, answer, quote or kept form has");
        // A word of a form still in the vocabulary stays known.
        var kept = knowledge.Facts.SelectMany(f => f.Questions.Take(1)).First().Split(' ')
            .Select(w => w.Trim('?', '.', ',', '!').ToLowerInvariant()).First(w => full.TermId(w) >= 0);
        lexicon.TermId(kept).ShouldBeGreaterThanOrEqualTo(0);
    }
}
