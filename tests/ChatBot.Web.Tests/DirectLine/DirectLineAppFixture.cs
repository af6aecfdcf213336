using ChatBot.Web.Tests.Infrastructure;

namespace ChatBot.Web.Tests.DirectLine;

/// <summary>
/// One host for the Direct Line tests of a class, with rate limits raised so many tests from one (test server)
/// address never meet them; each test starts its own conversation. The limits have their own tests.
/// </summary>
public sealed class DirectLineAppFixture : IAsyncLifetime
{
    private readonly ChatBotApp _app = new(new Dictionary<string, string?>
    {
        ["DirectLine:TokensPerMinute"] = "100000",
        ["DirectLine:PostsPerMinute"] = "100000",
        ["DirectLine:ReadsPerMinute"] = "100000",
    });

    public DirectLineClient Client { get; private set; } = null!;

    public IServiceProvider Services => _app.Services;

    public Task InitializeAsync()
    {
        Client = new DirectLineClient(_app.CreateClient());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Client.Http.Dispose();
        await _app.DisposeAsync();
    }
}
