using System.Diagnostics;
using System.Net;
using ChatBot.Core;
using ChatBot.Tests.Shared;

namespace ChatBot.Web.Tests.Infrastructure;

/// <summary>The built web host started as a real process from the repo root, as `dotnet run` starts it.</summary>
public sealed class HostProcess : IDisposable
{
    private readonly Process _process;

    public int Port { get; }

    public HttpClient Client { get; }

    public bool HasExited => _process.HasExited;

    private HostProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    /// <summary>Starts the host on a free loopback port with extra environment variables; output is drained, not shown.</summary>
    public static HostProcess Start(IDictionary<string, string>? environment = null)
    {
        var port = LoopbackPort.Free();
        var info = StartInfo(environment);
        info.Environment["Urls"] = $"http://127.0.0.1:{port}";
        var process = Process.Start(info)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        return new HostProcess(process, port);
    }

    public static ProcessStartInfo StartInfo(IDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet", [typeof(Program).Assembly.Location])
        {
            WorkingDirectory = ChatBotPaths.Locate().Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }
        return info;
    }

    /// <summary>
    /// Starts the host with <paramref name="environment"/> for a start that must fail: asserts it exits within a minute,
    /// non-zero, with no stack trace on stderr, and returns that stderr for the test to check what it names.
    /// </summary>
    public static async Task<string> StopsWithOneLineAsync(IDictionary<string, string> environment)
    {
        var info = StartInfo(environment);
        info.Environment.TryAdd("Urls", "http://127.0.0.1:0");
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        var exited = process.WaitForExit(TimeSpan.FromSeconds(60));
        if (!exited)
        {
            process.Kill(entireProcessTree: true);
        }

        exited.ShouldBeTrue($"the host kept running with {string.Join(", ", environment.Keys)}");
        process.ExitCode.ShouldNotBe(0);
        var message = await stderr;
        message.ShouldNotContain("   at ");
        return message;
    }

    /// <summary>Sends the request until the port opens and it is answered, or the host exits, or the timeout passes.</summary>
    public async Task<HttpResponseMessage?> SendWhenUpAsync(Func<HttpClient, Task<HttpResponseMessage>> send, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                return await send(Client);
            }
            catch (HttpRequestException)
            {
                await Task.Delay(50); // the port is not open yet
            }
        }
        return null;
    }


    public void Dispose()
    {
        Client.Dispose();
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        _process.Dispose();
    }
}
