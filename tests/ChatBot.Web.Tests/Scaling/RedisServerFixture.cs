using ChatBot.Tests.Shared;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ChatBot.Web.Tests.Scaling;

/// <summary>
/// One real redis-server for the tests of a class (each test keeps to its own key prefix), installed with apt-get
/// first when the machine has none.
/// </summary>
public sealed class RedisServerFixture(IMessageSink diagnostics) : IAsyncLifetime
{
    private string _executable = "";

    public RedisServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _executable = await SystemPackage.RedisServer.EnsureInstalledAsync(line => diagnostics.OnMessage(new DiagnosticMessage(line)));
        Server = await RedisServer.StartAsync(_executable);
    }

    /// <summary>A second server of the test's own, for a test that kills it; the test disposes it.</summary>
    public Task<RedisServer> StartAnotherAsync() => RedisServer.StartAsync(_executable);

    public async Task DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}
