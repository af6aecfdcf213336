namespace ChatBot.Web.Tests.Infrastructure;

/// <summary>The bot configured with an app id, trusting a <see cref="TestChannel"/> on loopback for its signing keys.</summary>
public sealed class SignedBotHost : IAsyncDisposable
{
    private readonly ChatBotApp _app;

    public TestChannel Channel { get; }

    public HttpClient Client { get; }

    private SignedBotHost(TestChannel channel, ChatBotApp app)
    {
        Channel = channel;
        _app = app;
        Client = app.CreateClient();
    }

    public static async Task<SignedBotHost> StartAsync()
    {
        var channel = await TestChannel.StartAsync();
        return new SignedBotHost(channel, new ChatBotApp(channel.BotSettings()));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
        await Channel.DisposeAsync();
    }
}
