namespace ChatBot.Web.Tests.Scaling;

/// <summary>One redis-server for the tests of a class; each test keeps to its own key prefix.</summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    public RedisServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
