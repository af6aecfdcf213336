using ChatBot.Tests.Shared;

namespace ChatBot.Soak;

/// <summary>
/// The soak: its own redis-server, two bot hosts on it, Web Chat-like Direct Line pages and channel users with
/// follow-ups on alternating instances for <c>duration</c>, Redis killed at half time and started again after
/// <c>outage</c>; then the figures bench/README.md records. Exit code 0 when every goal is met.
/// </summary>
public static class SoakRun
{
    public static async Task<int> RunAsync(TimeSpan duration, TimeSpan outage, int pages, int users)
    {
        Console.WriteLine($"soak: {duration.TotalMinutes:0.#} min, {pages} Direct Line pages + {users} channel users on 2 hosts, Redis down for {outage.TotalSeconds:0} s at half time");
        await using var redis = await RedisServer.StartAsync(await SystemPackage.RedisServer.EnsureInstalledAsync(Console.WriteLine), durable: true);
        var environment = new Dictionary<string, string>
        {
            ["Storage__Redis"] = redis.ConnectionString,
            ["Storage__RedisKeyPrefix"] = "soak:",
            ["DirectLine__TokenSigningKey"] = "soak-signing-key-shared-by-both-instances-0123456789",
            // Every simulated page comes from 127.0.0.1, and the token limit now holds for the fleet: lift it.
            ["DirectLine__TokensPerMinute"] = "100000",
        };
        await using var first = await BotHostProcess.StartAsync("A", environment, TimeSpan.FromMinutes(2));
        await using var second = await BotHostProcess.StartAsync("B", environment, TimeSpan.FromMinutes(2));
        BotHostProcess[] bots = [first, second];
        Console.WriteLine($"  hosts: A pid {first.ProcessId} on :{first.Port}, B pid {second.ProcessId} on :{second.Port}; redis-server on :{redis.Port}");
        var clients = bots.Select(b => new HttpClient { BaseAddress = b.BaseAddress, Timeout = TimeSpan.FromSeconds(30) }).ToArray();

        var stats = new SoakStats();
        var rss = new List<(string When, double A, double B)> { ("start", first.RssMegabytes(), second.RssMegabytes()) };
        var deadline = DateTime.UtcNow + duration;
        var soak = new SoakClients(clients, stats, deadline);
        var load = Enumerable.Range(0, pages).Select(p => Task.Run(() => soak.DirectLinePageAsync(p)))
            .Concat(Enumerable.Range(0, users).Select(u => Task.Run(() => soak.ChannelUserAsync(u))))
            .ToList();

        var progress = Task.Run(async () =>
        {
            while (DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromSeconds(30));
                Console.WriteLine($"  {stats.Elapsed.TotalSeconds:0} s: {stats.Requests():N0} requests, {stats.Requests(status: s => s >= 500):N0} 5xx, RSS A {first.RssMegabytes():0} MB, B {second.RssMegabytes():0} MB");
            }
        });

        await Task.Delay(duration / 2);
        rss.Add(("midway (before the outage)", first.RssMegabytes(), second.RssMegabytes()));
        redis.Kill();
        stats.RedisKilled();
        Console.WriteLine($"  {stats.Elapsed.TotalSeconds:0} s: redis-server killed");
        await Task.Delay(outage);
        await redis.StartAgainAsync();
        stats.RedisRestarted();
        Console.WriteLine($"  {stats.Elapsed.TotalSeconds:0} s: redis-server started again");

        await Task.WhenAll(load).WaitAsync(duration / 2 + TimeSpan.FromMinutes(3)); // each loop ends at the deadline; this bounds the wait
        await progress;
        rss.Add(("end", first.RssMegabytes(), second.RssMegabytes()));
        foreach (var client in clients)
        {
            client.Dispose();
        }

        Report(stats, rss, bots);
        var unexpected5xx = stats.Requests(SoakStats.Phase.Before, s => s >= 500) + stats.Requests(SoakStats.Phase.After, s => s >= 500);
        var ok = unexpected5xx == 0 && stats.Answers(SoakStats.Phase.After, SoakStats.Answer.LostTheThread) == 0
                 && stats.DirectLineLost == 0 && stats.DirectLineDuplicates == 0 && !first.HasExited && !second.HasExited;
        Console.WriteLine(ok ? "soak: PASS" : "soak: FAIL");
        return ok ? 0 : 1;
    }

    private static void Report(SoakStats stats, List<(string When, double A, double B)> rss, BotHostProcess[] bots)
    {
        Console.WriteLine();
        Console.WriteLine($"requests: {stats.Requests():N0} in {stats.Elapsed.TotalSeconds:0} s ({stats.Requests() / stats.Elapsed.TotalSeconds:0.0}/s)");
        foreach (var phase in Enum.GetValues<SoakStats.Phase>())
        {
            var statuses = stats.Statuses.Where(s => s.Phase == phase).Select(s => $"{(s.Status == 0 ? "no answer" : s.Status.ToString())} × {s.Count:N0}");
            Console.WriteLine($"  {phase,-8}: {stats.Requests(phase):N0} requests, 5xx {stats.Requests(phase, s => s >= 500):N0} ({string.Join(", ", statuses)})");
        }
        Console.WriteLine($"  (Outage = Redis down; Recovery = the {SoakStats.RecoveryGrace.TotalSeconds:0} s after its restart)");
        foreach (var error in stats.ServerErrors.Take(15))
        {
            Console.WriteLine("    " + error);
        }
        Console.WriteLine("/api/messages turns:");
        foreach (var phase in Enum.GetValues<SoakStats.Phase>())
        {
            Console.WriteLine($"  {phase,-8}: correct {stats.Answers(phase, SoakStats.Answer.Correct):N0}, \"I lost the thread\" {stats.Answers(phase, SoakStats.Answer.LostTheThread):N0}, " +
                              $"other answer {stats.Answers(phase, SoakStats.Answer.Wrong):N0}, no answer {stats.Answers(phase, SoakStats.Answer.NoAnswer):N0}");
        }
        var last = stats.LastLostThreadAfterRestartSeconds;
        Console.WriteLine($"  last \"I lost the thread\": {(double.IsNaN(last) ? "none" : $"{last:+0.0;-0.0} s from the restart")}");
        Console.WriteLine($"Direct Line: {stats.DirectLineConversations:N0} conversations, {stats.DirectLinePosts:N0} posts acknowledged, {stats.DirectLineRepliesSeen:N0} with their reply, " +
                          $"lost {stats.DirectLineLost:N0}, duplicated {stats.DirectLineDuplicates:N0}");
        Console.WriteLine("RSS (MB):          host A   host B");
        foreach (var (when, a, b) in rss)
        {
            Console.WriteLine($"  {when,-28}{a,7:0.0}  {b,7:0.0}");
        }
        Console.WriteLine($"errors the hosts logged (fail:/crit:), undeliverable Connector replies aside: A {bots[0].ErrorLines}, B {bots[1].ErrorLines}");
        foreach (var line in bots.SelectMany(b => b.ErrorSamples).Take(20))
        {
            Console.WriteLine("  | " + line);
        }
    }
}
