using System.Collections.Concurrent;
using System.Net;
using ChatBot.Web.Tests.DirectLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatBot.Web.Tests.Scaling;

/// <summary>
/// With <c>Storage:Redis</c> the Direct Line rate limits hold for the fleet: two instances on one real redis-server
/// together allow each limit once. With Redis gone each instance limits on its own and says so in its log.
/// </summary>
public sealed class FleetRateLimitTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private static Dictionary<string, string?> Limits(int posts = 60, int reads = 600, int tokens = 60) => new()
    {
        ["DirectLine:PostsPerMinute"] = posts.ToString(),
        ["DirectLine:ReadsPerMinute"] = reads.ToString(),
        ["DirectLine:TokensPerMinute"] = tokens.ToString(),
    };

    [Fact]
    public async Task Token_generation_on_two_instances_is_limited_once_for_both()
    {
        var prefix = $"rl-tokens-{Guid.NewGuid():N}:";
        await using var first = new ScaleOutHost(redis.Server, prefix, Limits(tokens: 6));
        await using var second = new ScaleOutHost(redis.Server, prefix, Limits(tokens: 6));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            using var response = await (i % 2 == 0 ? first : second).Client.PostAsync($"{DirectLineClient.Prefix}/tokens/generate", null);
            statuses.Add(response.StatusCode);
        }

        statuses.Count(s => s == HttpStatusCode.OK).ShouldBe(6);
        statuses.Skip(6).ShouldAllBe(s => s == HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Posts_and_polls_of_one_conversation_across_two_instances_share_one_limit()
    {
        var prefix = $"rl-conv-{Guid.NewGuid():N}:";
        await using var first = new ScaleOutHost(redis.Server, prefix, Limits(posts: 4, reads: 5));
        await using var second = new ScaleOutHost(redis.Server, prefix, Limits(posts: 4, reads: 5));
        var onFirst = new DirectLineClient(first.Client);
        var onSecond = new DirectLineClient(second.Client);
        var conversation = await onFirst.StartAsync(); // one read (start) on the first instance

        var posts = new List<HttpStatusCode>();
        var polls = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            var client = i % 2 == 0 ? onSecond : onFirst;
            using var post = await client.PostActivityAsync(conversation.Token, conversation.ConversationId, DirectLineClient.Message("hi"));
            posts.Add(post.StatusCode);
            using var poll = await client.GetActivitiesAsync(conversation.Token, conversation.ConversationId);
            polls.Add(poll.StatusCode);
        }

        posts.ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests]);
        polls.ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests]);
        using var refused = await onFirst.PostActivityAsync(conversation.Token, conversation.ConversationId, DirectLineClient.Message("hi"));
        int.Parse(refused.Headers.GetValues("Retry-After").Single()).ShouldBeInRange(1, 60);
        var other = await onSecond.StartAsync(); // another conversation has its own count
        using var otherPost = await onFirst.PostActivityAsync(other.Token, other.ConversationId, DirectLineClient.Message("hi"));
        otherPost.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task While_redis_is_down_each_instance_limits_on_its_own_and_logs_a_warning()
    {
        await using var server = await redis.StartAnotherAsync();
        var prefix = $"rl-down-{Guid.NewGuid():N}:";
        var firstLog = new LogLines();
        var secondLog = new LogLines();
        await using var first = new ScaleOutHost(server, prefix, Limits(tokens: 3), firstLog.Register);
        await using var second = new ScaleOutHost(server, prefix, Limits(tokens: 3), secondLog.Register);
        using (var warm = await first.Client.PostAsync($"{DirectLineClient.Prefix}/tokens/generate", null))
        {
            warm.StatusCode.ShouldBe(HttpStatusCode.OK); // counted in Redis: 1 of 3
        }

        server.Kill();
        var onFirst = new List<HttpStatusCode>();
        var onSecond = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var a = await first.Client.PostAsync($"{DirectLineClient.Prefix}/tokens/generate", null);
            onFirst.Add(a.StatusCode);
            using var b = await second.Client.PostAsync($"{DirectLineClient.Prefix}/tokens/generate", null);
            onSecond.Add(b.StatusCode);
        }

        onFirst.ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests]);
        onSecond.ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests]);
        firstLog.Warnings.ShouldContain(line => line.Contains("rate limits count per instance"));
        secondLog.Warnings.ShouldContain(line => line.Contains("rate limits count per instance"));
    }

    /// <summary>Collects a host's warnings, to check what an operator would read.</summary>
    private sealed class LogLines : ILoggerProvider
    {
        public ConcurrentQueue<string> Warnings { get; } = new();

        public void Register(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(this);

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(LogLines lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    lines.Warnings.Enqueue(formatter(state, exception));
                }
            }
        }
    }
}
