using ChatBot.Core.Dialogs;

namespace ChatBot.Core.Tests.Dialogs;

/// <summary>Pronouns of a follow-up are read against the last question and answer, and left alone without a referent.</summary>
public sealed class PronounResolverTests(BotFixture bot) : IClassFixture<BotFixture>
{
    private PronounResolver Resolver => new(bot.Knowledge);

    [Fact]
    public void He_and_there_become_the_person_and_the_place_the_last_question_named()
    {
        var state = ConversationState.Empty with { LastQuestion = "when did nazarbayev go to seoul on an official visit" };

        Resolver.Read("what did he sign there", state).Resolved.ShouldBe("what did Nursultan Nazarbayev sign in Seoul");
    }

    [Fact]
    public void It_becomes_the_document_of_the_last_answer_when_the_question_named_none()
    {
        var state = ConversationState.Empty with { LastQuestion = "what was signed in 2003", LastEntities = ["Joint Declaration (2003)", "Kazakhstan"] };

        Resolver.Read("what did it say", state).Resolved.ShouldBe("what did Joint Declaration (2003) say");
    }

    [Theory]
    [InlineData("is there anything else")]
    [InlineData("what did he say")]
    public void A_pronoun_without_a_referent_and_an_existential_there_stay(string message)
    {
        var state = ConversationState.Empty with { LastQuestion = "when were diplomatic relations established", LastEntities = ["Kazakhstan", "ROK"] };

        Resolver.Read(message, state).Resolved.ShouldBe(message);
    }
}
