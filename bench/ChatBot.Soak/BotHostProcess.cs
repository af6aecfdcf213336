using System.Diagnostics;
using System.Net;
using System.Reflection;
using ChatBot.Tests.Shared;

namespace ChatBot.Soak;

/// <summary>The bot host started as a real process (`dotnet ChatBot.Web.dll`) on a free 127.0.0.1 port; stopped with the run.</summary>
public sealed class BotHostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private int _errorLines;

    public string Name { get; }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    /// <summary>Lines the host logged at error level or worse ("fail:"/"crit:"), e.g. unhandled exceptions; undeliverable Connector replies not counted.</summary>
    public int ErrorLines => Volatile.Read(ref _errorLines);

    public int ProcessId => _process.Id;

    private BotHostProcess(string name, Process process, int port)
    {
        Name = name;
        _process = process;
        Port = port;
    }

    public static string HostDll =>
        typeof(BotHostProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BotHostDll").Value!;

    public static async Task<BotHostProcess> StartAsync(string name, IDictionary<string, string> environment, TimeSpan timeout)
    {
        var port = LoopbackPort.Free();
        var info = new ProcessStartInfo("dotnet", [HostDll])
        {
            WorkingDirectory = RepoRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["Urls"] = $"http://127.0.0.1:{port}";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the bot host");
        var host = new BotHostProcess(name, process, port);
        process.OutputDataReceived += (_, e) => host.Count(e.Data);
        process.ErrorDataReceived += (_, e) => host.Count(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                using var health = await http.GetAsync("/healthz");
                if (health.IsSuccessStatusCode)
                {
                    return host;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }
            await Task.Delay(100);
        }
        await host.DisposeAsync();
        throw new InvalidOperationException($"the bot host '{name}' did not answer /healthz within {timeout.TotalSeconds:0} s");
    }

    private int _followLines;

    /// <summary>Where the Connector client logs a reply it could not deliver (Polly's retry and the dispatcher).</summary>
    private static readonly HashSet<string> ConnectorCategories = ["Polly", "ChatBot.Web.Connector.ConnectorDispatcher", "ChatBot.Web.Connector.ConnectorClient"];

    /// <summary>Error lines by logging category, the Connector's included.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, int> ErrorCategories { get; } = new();

    /// <summary>The first error lines the host logged, each with the lines after it (the exception), for the report.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> ErrorSamples { get; } = new();

    private void Count(string? line)
    {
        if (line is null)
        {
            return;
        }
        if (line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal))
        {
            var category = line[5..].Trim();
            category = category[..Math.Max(0, category.IndexOf('[', StringComparison.Ordinal))];
            ErrorCategories.AddOrUpdate(category, 1, (_, n) => n + 1);
            if (ConnectorCategories.Contains(category))
            {
                return; // a reply the Connector could not deliver to the activity's serviceUrl: logged, retried, not a host fault
            }
            Interlocked.Increment(ref _errorLines);
            _followLines = ErrorSamples.Count < 60 ? 4 : 0;
            if (_followLines > 0)
            {
                ErrorSamples.Enqueue(line);
            }
        }
        else if (_followLines > 0)
        {
            _followLines--;
            ErrorSamples.Enqueue("    " + line.Trim());
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Resident set size in MB, from /proc/PID/status (VmRSS).</summary>
    public double RssMegabytes()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
            }
        }
        return double.NaN;
    }


    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
            // already gone
        }
        _process.Dispose();
    }
}

/// <summary>The repository root: the folder with ChatBot.sln, found by walking up from the working directory or this program.</summary>
public static class RepoRoot
{
    public static string Path { get; } = Find(Directory.GetCurrentDirectory()) ?? Find(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("run from inside the repository (no ChatBot.sln above here)");

    private static string? Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ChatBot.sln")))
            {
                return dir.FullName;
            }
        }
        return null;
    }
}
