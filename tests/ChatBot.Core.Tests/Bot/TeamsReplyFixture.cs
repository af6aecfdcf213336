using ChatBot.Core.Bot;
using ChatBot.Core.Dialogs;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Protocol;
using ChatBot.Core.Tests.Knowledge;

namespace ChatBot.Core.Tests.Bot;

/// <summary>
/// Every reply Teams can get from the documents, shaped once for the class: each fact as its own answer, each fact's
/// first question and each topic's "over time" question asked through the real brain (facts and timelines only).
/// </summary>
public sealed class TeamsReplyFixture : IDisposable
{
    private readonly RealBrain _brain = new();

    public TeamsReplyFixture()
    {
        var knowledge = _brain.Knowledge;
        var answers = knowledge.Facts
            .Select(f => new BotAnswer(f.Answer, [.. f.Locations.Select(l => new Citation(l.Source, l.FirstLine, l.LastLine, l.Quote))], [], f.Topic, 1, AnswerKind.Fact))
            .ToList();
        var questions = knowledge.Facts.Select(f => f.Questions[0])
            .Concat(knowledge.Topics.Topics.Select(t => $"how did {t.Title} develop over time"));
        var n = 0;
        foreach (var question in questions)
        {
            var answer = _brain.Answerer.AnswerAsync($"teams-{n++}", question, CancellationToken.None).GetAwaiter().GetResult();
            if (answer.Kind is AnswerKind.Fact or AnswerKind.Timeline)
            {
                answers.Add(answer);
            }
        }
        Answers = answers;
        Replies = [.. answers.Select(a => AnswerReply.Create(Incoming, a, Guid.NewGuid().ToString("N")))];
    }

    public static Activity Incoming { get; } = new()
    {
        Type = ActivityTypes.Message,
        Id = "1700000000000",
        ChannelId = "msteams",
        Text = "question",
        From = new ChannelAccount { Id = "29:user" },
        Recipient = new ChannelAccount { Id = "28:bot" },
        Conversation = new ConversationAccount { Id = "a:conversation" },
        ServiceUrl = "https://smba.trafficmanager.net/emea/",
    };

    public IReadOnlyList<BotAnswer> Answers { get; }

    public IReadOnlyList<Activity> Replies { get; }

    public IEnumerable<(BotAnswer Answer, Activity Reply)> Pairs => Answers.Zip(Replies);

    public void Dispose() => _brain.Dispose();
}
