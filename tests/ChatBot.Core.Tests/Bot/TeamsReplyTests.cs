using System.Text.Json;
using System.Text.RegularExpressions;
using ChatBot.Core.Bot;
using ChatBot.Core.Dialogs;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Protocol;

namespace ChatBot.Core.Tests.Bot;

/// <summary>
/// Each rule of Teams' "Bot messages with AI-generated content" for cited messages, checked on the JSON Teams would
/// receive for every fact and every timeline the documents give.
/// </summary>
public sealed partial class TeamsReplyTests(TeamsReplyFixture replies) : IClassFixture<TeamsReplyFixture>
{
    private static JsonElement Json(Activity reply) => JsonSerializer.SerializeToElement(reply, ProtocolJson.Default.Activity);

    private static JsonElement[] Claims(JsonElement reply) =>
        reply.TryGetProperty("entities", out var entities)
            ? [.. entities.EnumerateArray().Where(e => e.GetProperty("type").GetString() == "https://schema.org/Message").SelectMany(e => e.GetProperty("citation").EnumerateArray())]
            : [];

    private IEnumerable<(BotAnswer Answer, JsonElement Reply)> All => replies.Pairs.Select(p => (p.Answer, Json(p.Reply)));

    [Fact]
    public void The_documents_give_many_facts_and_several_timelines()
    {
        replies.Answers.Count(a => a.Kind == AnswerKind.Fact).ShouldBeGreaterThan(200);
        replies.Answers.Count(a => a.Kind == AnswerKind.Timeline).ShouldBeGreaterThanOrEqualTo(3);
        replies.Answers.Where(a => a.Kind == AnswerKind.Timeline).Max(a => a.Citations.Count).ShouldBeGreaterThan(5);
    }

    [Fact]
    public void Every_claim_position_is_a_marker_in_the_text_and_every_marker_has_its_claim()
    {
        foreach (var (answer, reply) in All)
        {
            var markers = Marker().Matches(reply.GetProperty("text").GetString()!).Select(m => int.Parse(m.Groups[1].Value)).ToHashSet();
            var positions = Claims(reply).Select(c => c.GetProperty("position").GetInt32()).ToList();
            positions.ShouldBeUnique(answer.Text);
            positions.ToHashSet().SetEquals(markers).ShouldBeTrue($"markers [{string.Join(",", markers)}] vs positions [{string.Join(",", positions)}] in: {answer.Text}");
            positions.ShouldNotBeEmpty(answer.Text);
        }
    }

    [Fact]
    public void The_text_carries_only_the_markers_no_source_line_and_no_reference_definitions()
    {
        foreach (var (_, reply) in All)
        {
            var text = reply.GetProperty("text").GetString()!;
            text.ShouldNotContain("Source:");
            text.ShouldNotContain("Sources:");
            text.ShouldNotContain("cite:");
            text.ShouldNotMatch(@"(?m)^\[\d+\]:");
        }
    }

    [Fact]
    public void Every_appearance_is_a_DigitalDocument_with_a_name_of_at_most_80_and_an_abstract_of_at_most_160_characters()
    {
        foreach (var claim in All.SelectMany(p => Claims(p.Reply)))
        {
            claim.GetProperty("@type").GetString().ShouldBe("Claim");
            var appearance = claim.GetProperty("appearance");
            appearance.GetProperty("@type").GetString().ShouldBe("DigitalDocument");
            var name = appearance.GetProperty("name").GetString()!;
            name.Length.ShouldBeInRange(1, TeamsReply.MaxName);
            name.ShouldMatch(@"^\d{3}_[0-9a-f]{16}\.txt, lines? \d+");
            appearance.GetProperty("abstract").GetString()!.Length.ShouldBeInRange(1, TeamsReply.MaxAbstract);
        }
    }

    [Fact]
    public void Keywords_are_at_most_3_of_at_most_28_characters_and_name_the_lines()
    {
        foreach (var claim in All.SelectMany(p => Claims(p.Reply)))
        {
            var keywords = claim.GetProperty("appearance").GetProperty("keywords").EnumerateArray().Select(k => k.GetString()!).ToList();
            keywords.Count.ShouldBeInRange(1, TeamsReply.MaxKeywords);
            keywords.ShouldAllBe(k => k.Length > 0 && k.Length <= TeamsReply.MaxKeywordLength);
            keywords.ShouldContain(k => Regex.IsMatch(k, @"^lines? \d+"));
        }
    }

    [Fact]
    public void The_whole_quote_is_an_Adaptive_Card_in_text_with_the_adaptive_card_encoding_format()
    {
        foreach (var (answer, reply) in All)
        {
            foreach (var claim in Claims(reply))
            {
                var appearance = claim.GetProperty("appearance");
                appearance.GetProperty("encodingFormat").GetString().ShouldBe("application/vnd.microsoft.card.adaptive");
                using var card = JsonDocument.Parse(appearance.GetProperty("text").GetString()!);
                card.RootElement.GetProperty("type").GetString().ShouldBe("AdaptiveCard");
                var texts = card.RootElement.GetProperty("body").EnumerateArray().Select(b => b.GetProperty("text").GetString()).ToList();
                var label = appearance.GetProperty("name").GetString();
                var cited = answer.Citations.First(c => c.Label == label);
                texts.ShouldContain(cited.Quote, "the card holds the whole quote, not the shortened abstract");
            }
        }
    }

    [Fact]
    public void A_reply_has_at_most_20_claims_with_only_the_properties_Teams_defines()
    {
        foreach (var (_, reply) in All)
        {
            var claims = Claims(reply);
            claims.Length.ShouldBeLessThanOrEqualTo(TeamsReply.MaxClaims);
            foreach (var claim in claims)
            {
                claim.EnumerateObject().Select(p => p.Name).ShouldBeSubsetOf(["@type", "position", "appearance"]);
                claim.GetProperty("appearance").EnumerateObject().Select(p => p.Name)
                    .ShouldBeSubsetOf(["@type", "name", "url", "abstract", "text", "keywords", "encodingFormat", "image", "usageInfo"]);
            }
        }
    }

    [Fact]
    public void A_reply_has_exactly_one_root_Message_entity()
    {
        foreach (var (_, reply) in All)
        {
            var roots = reply.GetProperty("entities").EnumerateArray()
                .Where(e => e.GetProperty("type").GetString() == "https://schema.org/Message").ToList();
            roots.Count.ShouldBe(1);
            roots[0].GetProperty("@type").GetString().ShouldBe("Message");
            roots[0].GetProperty("@context").GetString().ShouldBe("https://schema.org");
            roots[0].GetProperty("@id").GetString().ShouldBe("");
        }
    }

    [Fact]
    public void Every_answer_switches_on_the_default_feedback_form()
    {
        foreach (var (_, reply) in All)
        {
            reply.GetProperty("channelData").GetProperty("feedbackLoop").GetProperty("type").GetString().ShouldBe("default");
        }
    }

    [Fact]
    public void More_than_20_distinct_sources_keep_the_first_20_and_drop_the_other_markers()
    {
        var citations = Enumerable.Range(1, 25).Select(i => new Citation("000_d4e2d44c68f0d52c.txt", i, i, $"quote {i}")).ToList();
        var text = string.Concat(Enumerable.Range(1, 25).Select(i => $"Line {i}. [{i}]\n"));
        var reply = Json(AnswerReply.Create(TeamsReplyFixture.Incoming, new BotAnswer(text, citations, [], "trade", 1, AnswerKind.Timeline), "a1"));

        Claims(reply).Length.ShouldBe(20);
        var shown = reply.GetProperty("text").GetString()!;
        shown.ShouldContain("Line 20. [20]");
        shown.ShouldContain("Line 21. \n");
        shown.ShouldNotContain("[21]");
    }

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex Marker();
}
