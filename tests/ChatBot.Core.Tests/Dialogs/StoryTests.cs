using ChatBot.Core.Bot;
using ChatBot.Core.Dialogs;
using ChatBot.Core.Evaluation;
using ChatBot.Core.Protocol;
using ChatBot.Core.Tests.Knowledge;
using Microsoft.Extensions.Logging.Abstractions;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ChatBot.Core.Tests.Dialogs;

/// <summary>
/// The conversation stories of <c>tests/data/stories.yaml</c>, each turn asserted on the reply a user sees and pinned by
/// fact id; and the promise of the one-pass pipeline: every turn scans the fact index at most once.
/// </summary>
public sealed class StoryTests(BotFixture bot) : IClassFixture<BotFixture>
{
    public static TheoryData<string> Stories() => [.. Load().Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(Stories))]
    public async Task Each_turn_of_the_story_gets_its_expected_answer(string name)
    {
        var story = Load().Single(s => s.Name == name);
        var turns = new TurnRunner(bot);
        IReadOnlyList<string> previous = [];
        foreach (var (turn, i) in story.Turns.Select((t, i) => (t, i + 1)))
        {
            var reply = await turns.SendAsync(turn.Say);
            var stated = bot.StatedFacts(reply);
            var seen = $"turn {i} \"{turn.Say}\" got: {reply.Text}";
            switch (turn.Reply)
            {
                case null when turn.Facts.Count > 0:
                    stated.ShouldContain(id => turn.Facts.Contains(id), seen);
                    break;
                case null when turn.Topic is not null:
                    stated.ShouldContain(id => bot.Knowledge.Store.Find(id)!.Topic == turn.Topic, seen);
                    stated.ShouldNotContain(id => turn.NotFacts.Contains(id), seen);
                    break;
                case "refused":
                    reply.Text!.ShouldNotContain("Source", Case.Sensitive, seen);
                    UncertaintyWording.IsIn(reply.Text!).ShouldBeTrue(seen);
                    break;
                case "where_from":
                    reply.Text!.ShouldStartWith(bot.Replies.Say("where_from_one"), Case.Sensitive, seen);
                    previous.ShouldNotBeEmpty();
                    var quoted = bot.Knowledge.Store.Find(previous[0])!;
                    reply.Text!.ShouldContain(quoted.Quote, Case.Sensitive, seen);
                    break;
                case "small_talk":
                    reply.Text!.ShouldNotContain("Source", Case.Sensitive, seen);
                    UncertaintyWording.IsIn(reply.Text!).ShouldBeFalse(seen);
                    break;
                case "clarify":
                    reply.SuggestedActions.ShouldNotBeNull(seen).Actions.Count.ShouldBe(2, seen);
                    break;
                default:
                    throw new InvalidOperationException($"{name}, turn {i}: give facts, topic or reply (refused, where_from, small_talk, clarify).");
            }
            previous = stated;
        }
    }

    [Fact]
    public async Task Every_turn_scans_the_fact_index_at_most_once()
    {
        // The stories' turns and every dev question with its follow-up: fact, timeline, passage, refusal, ask-back,
        // follow-ups of each kind, small talk.
        var texts = Load().SelectMany(s => s.Turns.Select(t => t.Say))
            .Concat(DevQuestionSet.Load(Path.Combine(RealKnowledge.RepoRoot(), "tests", "data", "questions.yaml"))
                .SelectMany(q => q.After is null ? new[] { q.Q } : [q.After, q.Q]))
            .ToList();
        var turns = new TurnRunner(bot);
        var scans = bot.Knowledge.Retriever;
        var most = 0L;
        string? worst = null;
        foreach (var text in texts)
        {
            var before = scans.Scans;
            await turns.SendAsync(text);
            if (scans.Scans - before > most)
            {
                (most, worst) = (scans.Scans - before, text);
            }
        }
        most.ShouldBeLessThanOrEqualTo(1, $"\"{worst}\" scanned the fact index {most} times");
        texts.Count.ShouldBeGreaterThan(300);
    }

    private static List<Story> Load()
    {
        var path = Path.Combine(RealKnowledge.RepoRoot(), "tests", "data", "stories.yaml");
        var file = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build()
            .Deserialize<StoryFile>(File.ReadAllText(path));
        return file.Stories;
    }

    /// <summary>One conversation through the real turn handler, as the host runs it (expectReplies, the message reply kept).</summary>
    private sealed class TurnRunner(BotFixture bot)
    {
        private readonly IBot _bot = new KnowledgeBot(bot.Pipeline(new MemoryStorage()), NullLogger<KnowledgeBot>.Instance);
        private readonly string _conversation = $"story-{Guid.NewGuid():N}";

        public async Task<Activity> SendAsync(string text)
        {
            var activity = TestFlow.Message(_conversation, text);
            var replies = new List<Activity>();
            await _bot.OnTurnAsync(new TurnContext(activity, (reply, _) =>
            {
                replies.Add(reply);
                return Task.FromResult(new ResourceResponse { Id = reply.Id });
            }), CancellationToken.None);
            return replies.Single(r => r.Type == ActivityTypes.Message);
        }
    }

    private sealed class StoryFile
    {
        public List<Story> Stories { get; set; } = [];
    }

    private sealed class Story
    {
        public string Name { get; set; } = "";
        public List<StoryTurn> Turns { get; set; } = [];
    }

    private sealed class StoryTurn
    {
        public string Say { get; set; } = "";
        public List<string> Facts { get; set; } = [];
        public string? Topic { get; set; }
        public List<string> NotFacts { get; set; } = [];
        public string? Reply { get; set; }
    }
}
