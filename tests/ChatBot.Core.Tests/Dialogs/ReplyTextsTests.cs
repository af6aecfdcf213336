using ChatBot.Core.Dialogs;
using ChatBot.Core.Tests.Knowledge;

namespace ChatBot.Core.Tests.Dialogs;

/// <summary>dialogs/responses.yaml is checked when loaded: each kind of mistake gets a message naming the file, the key and the fix.</summary>
public sealed class ReplyTextsTests : IDisposable
{
    private readonly string _real = Path.Combine(RealKnowledge.RepoRoot(), "dialogs", "responses.yaml");
    private readonly string _copy = Path.Combine(Path.GetTempPath(), $"responses-{Guid.NewGuid():N}.yaml");

    [Fact]
    public void The_committed_replies_load_and_fill_their_placeholders()
    {
        var (texts, problems) = ReplyTexts.Read(_real);

        problems.ShouldBeEmpty();
        texts.ShouldNotBeNull().Say("clarify", ("first", "trade"), ("second", "investment")).ShouldBe("Do you mean trade or investment? My documents say different things about each.");
        texts.Say("nothing_more", ("topic", "trade")).ShouldContain("about trade");
    }

    [Theory]
    [InlineData("  lost_thread:", "  lost_threadx:", "no text for 'lost_thread'")]
    [InlineData("  lost_thread:", "  lost_threadx:", "'lost_threadx' is no reply the bot makes")]
    [InlineData("{first} or {second}?", "{first} or {third}?", "'clarify' uses {third}, which is not filled for it")]
    [InlineData("partingWords:", "partingWordz:", "'partingWordz' not found")]
    [InlineData("responses:", "responses: [", "dialogs/responses.yaml:")]
    public void A_broken_reply_file_is_refused_with_a_message_that_says_what_to_fix(string find, string replace, string expected)
    {
        File.WriteAllText(_copy, File.ReadAllText(_real).Replace(find, replace, StringComparison.Ordinal));

        var (texts, problems) = ReplyTexts.Read(_copy);

        texts.ShouldBeNull();
        problems.ShouldContain(p => p.Contains(expected, StringComparison.Ordinal) && p.StartsWith("dialogs/responses.yaml", StringComparison.Ordinal), string.Join("\n", problems));
    }

    public void Dispose() => File.Delete(_copy);
}
