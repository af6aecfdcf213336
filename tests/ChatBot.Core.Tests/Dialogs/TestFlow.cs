using ChatBot.Core.Bot;
using ChatBot.Core.Protocol;

namespace ChatBot.Core.Tests.Dialogs;

/// <summary>
/// A conversation script in the shape of the SDK's TestFlow: <c>Send(text).AssertReply(check)</c>, run against a real
/// bot through a buffered turn context (expectReplies), one conversation id per flow.
/// </summary>
public sealed class TestFlow(IBot bot)
{
    private readonly List<Func<Queue<Activity>, Task>> _steps = [];
    private readonly string _conversation = $"test-{Guid.NewGuid():N}";

    public TestFlow Send(string text) => Send(() => text);

    /// <summary>Sends text known only when the step runs, such as a button of an earlier reply.</summary>
    public TestFlow Send(Func<string> text)
    {
        _steps.Add(async replies =>
        {
            var activity = Message(_conversation, text());
            var context = new TurnContext(activity, (reply, _) =>
            {
                replies.Enqueue(reply);
                return Task.FromResult(new ResourceResponse { Id = reply.Id });
            });
            await bot.OnTurnAsync(context, CancellationToken.None);
        });
        return this;
    }

    /// <summary>A user's message in a conversation, delivered as the tests talk to the bot: expectReplies on the test channel.</summary>
    public static Activity Message(string conversation, string text) => new()
    {
        Type = ActivityTypes.Message,
        Id = Guid.NewGuid().ToString("N"),
        ChannelId = "test",
        From = new ChannelAccount { Id = "user", Role = RoleTypes.User },
        Recipient = new ChannelAccount { Id = "bot", Role = RoleTypes.Bot },
        Conversation = new ConversationAccount { Id = conversation },
        Text = text,
        DeliveryMode = DeliveryModes.ExpectReplies,
    };

    /// <summary>Checks the next reply the user sees; <paramref name="check"/> asserts with Shouldly.</summary>
    public TestFlow AssertReply(Action<Activity> check)
    {
        _steps.Add(replies =>
        {
            replies.Count.ShouldBeGreaterThan(0, "the bot sent no reply");
            check(replies.Dequeue());
            return Task.CompletedTask;
        });
        return this;
    }

    public TestFlow AssertReplyContains(params string[] fragments) =>
        AssertReply(reply =>
        {
            foreach (var fragment in fragments)
            {
                reply.Text.ShouldNotBeNull().ShouldContain(fragment, Case.Insensitive);
            }
        });

    public async Task StartTestAsync()
    {
        var replies = new Queue<Activity>();
        foreach (var step in _steps)
        {
            await step(replies);
        }
        replies.ShouldBeEmpty("the bot sent more replies than the flow asserted");
    }
}
