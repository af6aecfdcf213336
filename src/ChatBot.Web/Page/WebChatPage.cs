using System.IO.Compression;
using ChatBot.Core;
using ChatBot.Web.DirectLine;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.FileProviders;

namespace ChatBot.Web.Page;

/// <summary>The Web Chat page at <c>/</c> (static files, Web Chat from npm served by this app) and the Direct Line endpoints it talks to.</summary>
public static class WebChatPage
{
    public static IServiceCollection AddWebChat(this IServiceCollection services)
    {
        services.AddDirectLine();
        services.AddResponseCompression(options =>
        {
            // Only the page's own files: API answers carry tokens and user text, which compression must not mix (BREACH).
            options.EnableForHttps = true;
            options.MimeTypes = ["text/html", "text/css", "text/javascript", "application/javascript", "image/svg+xml"];
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }

    public static WebApplication UseWebChat(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseResponseCompression();
        var files = Locate(app);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-cache",
        });
        app.UseRateLimiter();
        app.MapDirectLine();
        return app;
    }

    /// <summary>
    /// The page's folder: the host's web root when it has the page (dotnet run, tests), else the app's own folder,
    /// else the source folder of the repository the host found its data in (the built dll started from the repo root).
    /// </summary>
    private static IFileProvider Locate(WebApplication app)
    {
        var candidates = new[]
        {
            app.Environment.WebRootPath,
            Path.Combine(AppContext.BaseDirectory, "wwwroot"),
            Path.Combine(app.Services.GetRequiredService<ChatBotPaths>().Root, "src", "ChatBot.Web", "wwwroot"),
        };
        foreach (var folder in candidates.OfType<string>())
        {
            if (File.Exists(Path.Combine(folder, "index.html")))
            {
                return new PhysicalFileProvider(Path.GetFullPath(folder));
            }
        }
        app.Logger.LogWarning("No Web Chat page found (looked in {Folders}); / will answer 404", string.Join(", ", candidates.OfType<string>()));
        return new NullFileProvider();
    }
}
