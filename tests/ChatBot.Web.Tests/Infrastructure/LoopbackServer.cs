using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatBot.Web.Tests.Infrastructure;

/// <summary>A real Kestrel server on 127.0.0.1 with a free port, standing in for a channel's Connector or an OpenID host.</summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    /// <summary>One request the server received.</summary>
    public sealed record Received(string Method, string RawPath, string Body, string? Authorization);

    private readonly WebApplication _app;
    private readonly SemaphoreSlim _arrived = new(0);

    public ConcurrentQueue<Received> Requests { get; } = new();

    public string BaseUrl { get; }

    private LoopbackServer(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public static async Task<LoopbackServer> StartAsync(Func<HttpContext, Task> handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        LoopbackServer? server = null;
        app.Run(async context =>
        {
            context.Request.EnableBuffering();
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            context.Request.Body.Position = 0;
            var rawPath = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value!;
            server!.Requests.Enqueue(new Received(context.Request.Method, rawPath, body, context.Request.Headers.Authorization.ToString()));
            server._arrived.Release();
            await handler(context);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new LoopbackServer(app, address);
        return server;
    }

    /// <summary>Waits until at least <paramref name="count"/> requests arrived, or the timeout passes.</summary>
    public async Task<bool> WaitForRequestsAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        for (var seen = 0; seen < count; seen++)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left))
            {
                return false;
            }
        }
        // Put the signals back so a later wait sees the same requests.
        _arrived.Release(count);
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
