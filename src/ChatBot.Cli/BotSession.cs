using ChatBot.Core;
using ChatBot.Core.Bot;
using ChatBot.Core.Dialogs;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Protocol;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBot.Cli;

/// <summary>
/// The bot in process, spoken to the way the host speaks to it: each question goes through <see cref="KnowledgeBot"/>
/// as an expectReplies message activity, and the replies are buffered instead of posted to a Connector.
/// </summary>
internal sealed class BotSession
{
    private readonly IBot _bot;
    private readonly RecordingAnswerer _answerer;
    private readonly string _conversationId = $"cli-{Guid.NewGuid():N}";
    private readonly ConversationStateStore _states;

    public BotSession(ChatBotPaths paths)
    {
        // The same brain and the same appsettings.json as the host: the intent router, then the fact store.
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(paths.Root, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddChatBotBrain(paths, configuration)
            .BuildServiceProvider();
        Knowledge = services.GetRequiredService<KnowledgeBase>();
        Pipeline = services.GetRequiredService<AnsweringPipeline>();
        _states = services.GetRequiredService<ConversationStateStore>();
        _answerer = new RecordingAnswerer(services.GetRequiredService<IQuestionAnswerer>());
        _bot = new KnowledgeBot(_answerer, NullLogger<KnowledgeBot>.Instance);
    }

    public KnowledgeBase Knowledge { get; }

    /// <summary>The turn's stages, for <c>ask --explain</c>.</summary>
    public AnsweringPipeline Pipeline { get; }

    /// <summary>What the session's conversation remembers now, for explaining the next turn in its context.</summary>
    public async Task<ConversationState> StateAsync(CancellationToken cancellationToken) =>
        (await _states.ReadAsync(_conversationId, cancellationToken).ConfigureAwait(false)).State;

    /// <summary>Sends one message and returns the answer behind the bot's reply, and the reply activities.</summary>
    public async Task<(BotAnswer Answer, IReadOnlyList<Activity> Replies)> AskAsync(string text, CancellationToken cancellationToken)
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Id = Guid.NewGuid().ToString("N"),
            Timestamp = DateTimeOffset.UtcNow,
            ChannelId = "cli",
            From = new ChannelAccount { Id = "cli-user", Name = Environment.UserName, Role = RoleTypes.User },
            Recipient = new ChannelAccount { Id = "chatbot", Name = "chatbot", Role = RoleTypes.Bot },
            Conversation = new ConversationAccount { Id = _conversationId },
            Text = text,
            DeliveryMode = DeliveryModes.ExpectReplies,
        };
        var replies = new List<Activity>();
        var context = new TurnContext(activity, (reply, _) =>
        {
            replies.Add(reply);
            return Task.FromResult(new ResourceResponse { Id = reply.Id });
        });
        await _bot.OnTurnAsync(context, cancellationToken).ConfigureAwait(false);
        var answer = _answerer.Last ?? throw new InvalidOperationException("The bot sent no answer.");
        return (answer, replies);
    }

    /// <summary>Passes questions through and keeps the last answer, so the CLI can print it as plain text.</summary>
    private sealed class RecordingAnswerer(IQuestionAnswerer inner) : IQuestionAnswerer
    {
        public BotAnswer? Last { get; private set; }

        public async Task<BotAnswer> AnswerAsync(string conversationId, string text, CancellationToken cancellationToken)
        {
            Last = await inner.AnswerAsync(conversationId, text, cancellationToken).ConfigureAwait(false);
            return Last;
        }

        public Task<BotAnswer?> WelcomeAsync(string conversationId, CancellationToken cancellationToken) => inner.WelcomeAsync(conversationId, cancellationToken);
    }
}
