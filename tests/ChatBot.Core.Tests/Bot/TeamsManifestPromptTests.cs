using System.Text.Json.Nodes;
using ChatBot.Core.Dialogs;
using ChatBot.Core.Tests.Knowledge;

namespace ChatBot.Core.Tests.Bot;

/// <summary>The Teams manifest's prompt starters are the welcome's questions (and a few more), and each gets a cited answer.</summary>
public sealed class TeamsManifestPromptTests(RealBrain brain) : IClassFixture<RealBrain>
{
    private static JsonNode Manifest() => JsonNode.Parse(File.ReadAllText(Path.Combine(RealKnowledge.RepoRoot(), "teams", "manifest.json")))!;

    private static IReadOnlyList<JsonNode> Commands() =>
        [.. Manifest()["bots"]![0]!["commandLists"]!.AsArray().SelectMany(list => list!["commands"]!.AsArray()).Select(c => c!)];

    private static List<string> Prompts() =>
        [.. Commands().Where(c => c["type"]?.GetValue<string>() == "prompt").Select(c => c["prompt"]!.GetValue<string>())];

    [Fact]
    public async Task There_are_4_to_8_prompt_starters_including_every_question_the_welcome_suggests()
    {
        var prompts = Prompts();
        prompts.Count.ShouldBeInRange(4, 8);
        var welcome = (await brain.Answerer.WelcomeAsync($"welcome-{Guid.NewGuid():N}", CancellationToken.None)).ShouldNotBeNull();
        foreach (var suggestion in welcome.Suggestions)
        {
            prompts.ShouldContain(suggestion, $"the welcome suggests \"{suggestion}\"; prompts: {string.Join(" | ", prompts)}");
        }
    }

    [Fact]
    public async Task Every_prompt_starter_is_answered_and_every_question_about_the_documents_with_a_citation()
    {
        var n = 0;
        var cited = 0;
        foreach (var prompt in Prompts())
        {
            var answer = await brain.Answerer.AnswerAsync($"prompt-{n++}", prompt, CancellationToken.None);
            answer.Kind.ShouldBeOneOf([AnswerKind.Fact, AnswerKind.Timeline, AnswerKind.SmallTalk], prompt);
            if (answer.Kind != AnswerKind.SmallTalk)
            {
                answer.Citations.ShouldNotBeEmpty(prompt);
                cited++;
            }
        }
        cited.ShouldBeGreaterThanOrEqualTo(4);
    }

    [Fact]
    public void The_manifest_asks_for_no_permission_the_bot_does_not_use()
    {
        // The bot reads no user identity (no SSO) and messages no team member on its own.
        (Manifest()["permissions"]?.AsArray() ?? []).ShouldBeEmpty();
    }

    [Fact]
    public async Task Help_and_sources_are_basic_commands_the_bot_answers()
    {
        var basic = Commands().Where(c => (c["type"]?.GetValue<string>() ?? "basic") == "basic").Select(c => c["title"]!.GetValue<string>()).ToList();
        basic.ShouldBe(["help", "sources"], ignoreOrder: true);
        (await brain.Answerer.AnswerAsync("cmd-help", "help", CancellationToken.None)).Suggestions.ShouldNotBeEmpty();
        (await brain.Answerer.AnswerAsync("cmd-sources", "sources", CancellationToken.None)).Text.ShouldContain(".txt");
    }
}
