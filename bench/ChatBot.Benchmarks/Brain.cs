using ChatBot.Core;
using ChatBot.Core.Dialogs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Benchmarks;

/// <summary>
/// The brain as the host registers it (<see cref="ChatBotBrain.AddChatBotBrain"/>, the repo's retrieval and router
/// settings, no unanswered log), and the HTTP benchmark's question mix (<see cref="QuestionMix"/>: 24,000 distinct
/// variants of the dev questions and the facts' question forms, and the follow-ups), asked in rotating conversations
/// with every third turn a follow-up, as bench/http/mix.lua asks them.
/// </summary>
internal static class Brain
{
    public const int Conversations = 64;

    public static (ServiceProvider Services, IQuestionAnswerer Answerer) Create()
    {
        var paths = ChatBotPaths.Locate(RepoRoot.Find());
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Retrieval:AnswerThreshold"] = "0.5",
                ["Retrieval:PassageThreshold"] = "0.8",
                ["Retrieval:IntentPriorBoost"] = "0.5",
                ["Router:MinConfidence"] = "0.5",
                ["Router:ClarifyMargin"] = "0.1",
            })
            .Build();
        var services = new ServiceCollection().AddLogging().AddChatBotBrain(paths, configuration).BuildServiceProvider();
        return (services, services.GetRequiredService<IQuestionAnswerer>());
    }

    /// <summary>
    /// The turns in the order they are asked: the mix's questions, with a follow-up as every third turn of each of
    /// <see cref="Conversations"/> rotating conversations (turn i goes to conversation i mod 64).
    /// </summary>
    public static string[] Turns()
    {
        var (questions, followUps) = Mix();
        var turns = new List<string>(questions.Count * 3 / 2);
        var asked = 0;
        for (var i = 0; asked < questions.Count; i++)
        {
            var followUp = i / Conversations % 3 == 2;
            turns.Add(followUp ? followUps[i * 7 % followUps.Count] : questions[asked++]);
        }
        return [.. turns];
    }

    /// <summary>The distinct questions alone, for retrieval.</summary>
    public static string[] Questions() => [.. Mix().Questions];

    private static (List<string> Questions, List<string> FollowUps) Mix() => QuestionMix.Generate(ChatBotPaths.Locate(RepoRoot.Find()));
}
