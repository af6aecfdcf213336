using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ChatBot.Tests.Shared;

namespace ChatBot.Soak;

/// <summary>
/// A redis-server of the run's own on a free 127.0.0.1 port, in a temp folder, with an append-only file fsynced on
/// every write: a kill and restart loses no data, so what the soak counts as lost is the bot's doing, not Redis's.
/// </summary>
public sealed class RedisProcess : IAsyncDisposable
{
    private readonly string _executable;
    private readonly string _directory = Directory.CreateTempSubdirectory("chatbot-soak-redis-").FullName;
    private Process? _process;

    public int Port { get; } = BotHostProcess.FreePort();

    public string ConnectionString => $"127.0.0.1:{Port}";

    private RedisProcess(string executable) => _executable = executable;

    public static async Task<RedisProcess> StartAsync()
    {
        var executable = await SystemPackage.RedisServer.EnsureInstalledAsync(Console.WriteLine);
        var redis = new RedisProcess(executable);
        await redis.StartAgainAsync();
        return redis;
    }

    public async Task StartAgainAsync()
    {
        var info = new ProcessStartInfo(_executable) { WorkingDirectory = _directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "yes",
                     "--appendfsync", "always", "--dir", _directory, "--logfile", Path.Combine(_directory, "redis.log"), "--daemonize", "no"])
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
                throw new InvalidOperationException($"redis-server did not start on port {Port}");
            }
            await Task.Delay(20);
        }
    }

    /// <summary>Stops the server at once (SIGKILL), as a crash would.</summary>
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
            // a leftover temp folder is not worth failing the run for
        }
        return ValueTask.CompletedTask;
    }
}
