using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ChatBot.Tests.Shared;

/// <summary>
/// A real, throw-away <c>redis-server</c> on a free 127.0.0.1 port that a test (or the soak) can kill and start again
/// on the same port. By default it persists nothing; <c>durable</c> keeps an append-only file fsynced on every write,
/// so a kill and restart loses no data (what the soak counts as lost is then the bot's doing, not Redis's). Install
/// redis-server first with <see cref="SystemPackage.RedisServer"/>.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly string _executable;
    private readonly bool _durable;
    private readonly string _directory;
    private Process? _process;

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    private RedisServer(string executable, int port, bool durable)
    {
        _executable = executable;
        _durable = durable;
        Port = port;
        _directory = Directory.CreateTempSubdirectory("chatbot-redis-").FullName;
    }

    /// <summary>Starts <paramref name="executable"/> (a redis-server) on a free port and waits until it answers.</summary>
    public static async Task<RedisServer> StartAsync(string executable, bool durable = false)
    {
        var server = new RedisServer(executable, LoopbackPort.Free(), durable);
        await server.StartAgainAsync();
        return server;
    }


    /// <summary>Starts redis-server on this port (again, after <see cref="Kill"/>) and waits until it answers PING.</summary>
    public async Task StartAgainAsync()
    {
        if (_process is { HasExited: false })
        {
            throw new InvalidOperationException("redis-server is already running.");
        }
        var info = new ProcessStartInfo(_executable)
        {
            WorkingDirectory = _directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        string[] persistence = _durable ? ["--appendonly", "yes", "--appendfsync", "always"] : ["--appendonly", "no"];
        foreach (var argument in (string[])["--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", .. persistence,
                     "--dir", _directory, "--logfile", Path.Combine(_directory, "redis.log"), "--daemonize", "no"])
        {
            info.ArgumentList.Add(argument);
        }
        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await PingsAsync())
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                var log = File.Exists(Path.Combine(_directory, "redis.log")) ? File.ReadAllText(Path.Combine(_directory, "redis.log")) : "";
                throw new InvalidOperationException($"redis-server did not start on port {Port}: {log}");
            }
            await Task.Delay(20); // waiting for a child process to open its port, not for the code under test
        }
    }

    /// <summary>Stops the server at once (SIGKILL), as a crash or a lost network would.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            process.WaitForExit();
        }
    }

    private async Task<bool> PingsAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(2));
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is SocketException or IOException or TimeoutException)
        {
            return false;
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process?.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is not worth failing a run for
        }
        return ValueTask.CompletedTask;
    }
}
