using System.Text.Json;
using ChatBot.Core.Bot;
using ChatBot.Core.Dialogs;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Protocol;

namespace ChatBot.Core.Tests.Bot;

/// <summary>The same answer in each channel's shape: Web Chat's markers and definitions and thumbs, the Emulator's plain source line.</summary>
public sealed class ChannelReplyTests
{
    private static readonly BotAnswer Cited = new("Relations were established on 28 January 1992.",
        [new Citation("000_d4e2d44c68f0d52c.txt", 15, 15, "diplomatic relations were established on January 28, 1992")], [], "diplomatic_relations", 0.9, AnswerKind.Fact);

    private static readonly BotAnswer Refusal = new("I don't know that from my documents.", [], ["When were relations established?"], "out_of_scope", 0.2, AnswerKind.Fallback);

    private static Activity Incoming(string channel) => new()
    {
        Type = ActivityTypes.Message,
        Id = "in-1",
        ChannelId = channel,
        From = new ChannelAccount { Id = "user" },
        Recipient = new ChannelAccount { Id = "bot" },
        Conversation = new ConversationAccount { Id = "conv" },
    };

    private static JsonElement Json(Activity reply) => JsonSerializer.SerializeToElement(reply, ProtocolJson.Default.Activity);

    [Fact]
    public void Web_Chat_gets_markers_and_definitions_without_a_sources_line()
    {
        var reply = AnswerReply.Create(Incoming("directline"), Cited, "answer-1");

        reply.Text!.ShouldStartWith("Relations were established on 28 January 1992.[1]");
        reply.Text.ShouldContain("[1]: cite:1 \"000_d4e2d44c68f0d52c.txt, line 15\"");
        reply.Text.ShouldNotContain("Source:");
    }

    [Fact]
    public void Web_Chat_answers_and_refusals_carry_like_and_dislike_actions_naming_the_answer()
    {
        foreach (var answer in new[] { Cited, Refusal })
        {
            var message = Json(AnswerReply.Create(Incoming("directline"), answer, "answer-7")).GetProperty("entities")[0];
            message.GetProperty("@id").GetString().ShouldBe("");
            var actions = message.GetProperty("potentialAction").EnumerateArray().ToList();
            actions.Select(a => a.GetProperty("@type").GetString()).ShouldBe(["LikeAction", "DislikeAction"]);
            actions.ShouldAllBe(a => a.GetProperty("identifier").GetString() == "answer-7");
        }
    }

    [Fact]
    public void A_reply_without_an_answer_id_invites_no_feedback()
    {
        var web = Json(AnswerReply.Create(Incoming("directline"), Cited));
        web.GetProperty("entities")[0].TryGetProperty("potentialAction", out _).ShouldBeFalse();
        Json(AnswerReply.Create(Incoming("msteams"), Cited)).TryGetProperty("channelData", out _).ShouldBeFalse();
    }

    [Fact]
    public void Small_talk_and_lost_threads_invite_no_feedback_answers_and_refusals_do()
    {
        AnswerReply.InvitesFeedback(Cited).ShouldBeTrue();
        AnswerReply.InvitesFeedback(Refusal).ShouldBeTrue();
        AnswerReply.InvitesFeedback(Cited with { Kind = AnswerKind.SmallTalk }).ShouldBeFalse();
        AnswerReply.InvitesFeedback(Cited with { Kind = AnswerKind.LostThread }).ShouldBeFalse();
    }

    [Fact]
    public void A_Teams_refusal_switches_on_feedback_and_has_no_citation_entity()
    {
        var reply = Json(AnswerReply.Create(Incoming("msteams"), Refusal, "answer-9"));
        reply.GetProperty("channelData").GetProperty("feedbackLoop").GetProperty("type").GetString().ShouldBe("default");
        reply.TryGetProperty("entities", out _).ShouldBeFalse();
        reply.GetProperty("text").GetString().ShouldBe(Refusal.Text);
    }

    [Theory]
    [InlineData("emulator")]
    [InlineData("test")]
    [InlineData("slack")]
    public void The_Emulator_and_other_channels_keep_the_plain_source_line(string channel)
    {
        var reply = AnswerReply.Create(Incoming(channel), Cited, "answer-2");

        reply.Text!.ShouldContain("\n\nSource: 000_d4e2d44c68f0d52c.txt, line 15");
        reply.ChannelData.ShouldBeNull();
        Json(reply).GetProperty("entities")[0].TryGetProperty("potentialAction", out _).ShouldBeFalse();
    }

    [Fact]
    public void Shortening_cuts_at_a_word_and_marks_the_cut()
    {
        var quote = string.Join(' ', Enumerable.Repeat("relations", 30));
        var shortened = TeamsReply.Shorten(quote, 160);
        shortened.Length.ShouldBeLessThanOrEqualTo(160);
        shortened.ShouldEndWith("relations…");
        TeamsReply.Shorten("short", 160).ShouldBe("short");
    }
}
