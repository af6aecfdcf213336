using ChatBot.Core;
using ChatBot.Core.Dialogs;
using ChatBot.Core.Evaluation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Benchmarks;

/// <summary>
/// The brain as the host registers it (<see cref="ChatBotBrain.AddChatBotBrain"/>, the repo's retrieval and router
/// settings, no unanswered log), and a mix of distinct questions: every dev and held-out question with its variants
/// as people type them (lower case, no punctuation, a lead-in), asked in rotating conversations so follow-ups have context.
/// </summary>
internal static class Brain
{
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

    /// <summary>Each dev question as written, lower-cased without punctuation, and with a lead-in: ~1,400 distinct texts.</summary>
    public static string[] Questions()
    {
        var paths = ChatBotPaths.Locate(RepoRoot.Find());
        var asked = DevQuestionSet.Load(Path.Combine(paths.Root, "tests", "data", "questions.yaml")).Select(q => q.Q).Distinct().ToList();
        return [.. asked
            .Concat(asked.Select(q => new string([.. q.ToLowerInvariant().Where(c => !char.IsPunctuation(c))])))
            .Concat(asked.Select(q => "hi, quick question: " + q))
            .Distinct()];
    }
}
