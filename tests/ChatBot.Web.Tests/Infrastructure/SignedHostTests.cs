namespace ChatBot.Web.Tests.Infrastructure;

/// <summary>Base of test classes that need a fresh signed-mode host per test (key rotation and the like mutate it).</summary>
public abstract class SignedHostTests : IAsyncLifetime
{
    private SignedBotHost? _host;

    protected TestChannel Channel => _host!.Channel;

    protected HttpClient Client => _host!.Client;

    public async Task InitializeAsync() => _host = await SignedBotHost.StartAsync();

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
