using ChatBot.Core.Dialogs;
using ChatBot.Core.Tests.Storage;
using ChatBot.Web.Scaling;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace ChatBot.Web.Tests.Scaling;

/// <summary>The storage contract (StorageContract.cs, shared with ChatBot.Core.Tests), run against a real Redis.</summary>
public sealed class RedisStorageContractTests(RedisServerFixture redis) : StorageContract, IClassFixture<RedisServerFixture>, IDisposable
{
    private readonly IConnectionMultiplexer _connection = RedisConnectionFactory.Connect(redis.Server.ConnectionString, NullLogger.Instance);

    protected override IStorage NewStorage() =>
        new RedisStorage(_connection, new RedisStorageOptions { KeyPrefix = $"contract-{Guid.NewGuid():N}:" });

    public void Dispose() => _connection.Dispose();
}
