namespace ChatBot.Web.Tests.Infrastructure;

/// <summary>One anonymous-mode host shared by the tests of a class (each test uses its own conversation id).</summary>
public sealed class WebAppFixture : IAsyncLifetime
{
    private readonly ChatBotApp _app = new();

    public HttpClient Client { get; private set; } = null!;

    public IServiceProvider Services => _app.Services;

    public Task InitializeAsync()
    {
        Client = _app.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}
