using ChatBot.Core.Dialogs;
using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Tests.Dialogs;

/// <summary>`chatbot unanswered` groups questions by their subject words, leaving out the lexicon's stop and question words.</summary>
public sealed class UnansweredGroupsTests
{
    private static readonly WordLists Words = WordLists.Load(ChatBotPaths.Locate().Lexicon);

    private static readonly IReadOnlySet<string> Ignored = Words.StopWords.Union(Words.QuestionWords).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void Questions_about_one_subject_in_other_words_share_a_group_and_another_subject_does_not()
    {
        var groups = UnansweredGroups.Group(
            [Entry("who signed the uranium deal"), Entry("when was the uranium deal signed?"), Entry("who signed the uranium deal"), Entry("bitcoin price")],
            Ignored);

        groups.Count.ShouldBe(2);
        groups[0].Representative.ShouldBe("who signed the uranium deal");
        groups[0].Entries.Count.ShouldBe(3);
        groups[1].Representative.ShouldBe("bitcoin price");
    }

    private static UnansweredEntry Entry(string text) => new(DateTimeOffset.UnixEpoch, "c", text, "Fallback", []);
}
