using System.Collections.Concurrent;
using System.Diagnostics;

namespace ChatBot.Soak;

/// <summary>What the soak counts, from every client at once: requests by phase and status, answers, Direct Line losses.</summary>
public sealed class SoakStats
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentDictionary<(Phase, int), int> _statuses = new();
    private readonly ConcurrentQueue<string> _serverErrors = new();
    private readonly ConcurrentDictionary<(Phase, Answer), int> _answers = new();
    private long _killedAt = long.MaxValue;
    private long _restartedAt = long.MaxValue;
    private long _lastLostThread = -1;

    /// <summary>When a request started, relative to the Redis outage.</summary>
    public enum Phase { Before, Outage, Recovery, After }

    /// <summary>How a /api/messages turn was answered.</summary>
    public enum Answer { Correct, LostTheThread, Wrong, NoAnswer }

    public static readonly TimeSpan RecoveryGrace = TimeSpan.FromSeconds(10);

    public int DirectLinePosts;
    public int DirectLineRepliesSeen;
    public int DirectLineLost;
    public int DirectLineDuplicates;
    public int DirectLineConversations;

    public TimeSpan Elapsed => _clock.Elapsed;

    public void RedisKilled() => Interlocked.Exchange(ref _killedAt, _clock.ElapsedMilliseconds);

    public void RedisRestarted() => Interlocked.Exchange(ref _restartedAt, _clock.ElapsedMilliseconds);

    public Phase PhaseAt(long milliseconds)
    {
        var killed = Interlocked.Read(ref _killedAt);
        var restarted = Interlocked.Read(ref _restartedAt);
        if (milliseconds < killed)
        {
            return Phase.Before;
        }
        if (milliseconds < restarted)
        {
            return Phase.Outage;
        }
        return milliseconds < restarted + (long)RecoveryGrace.TotalMilliseconds ? Phase.Recovery : Phase.After;
    }

    public long Now => _clock.ElapsedMilliseconds;

    public void Request(long startedAt, string what, int status)
    {
        var phase = PhaseAt(startedAt);
        _statuses.AddOrUpdate((phase, status), 1, (_, n) => n + 1);
        if (status >= 500)
        {
            _serverErrors.Enqueue($"{startedAt / 1000.0:0.0} s ({phase}) {what}: {status}");
        }
    }

    public void Turn(long startedAt, Answer answer)
    {
        var phase = PhaseAt(startedAt);
        _answers.AddOrUpdate((phase, answer), 1, (_, n) => n + 1);
        if (answer == Answer.LostTheThread)
        {
            var current = Interlocked.Read(ref _lastLostThread);
            while (startedAt > current && Interlocked.CompareExchange(ref _lastLostThread, startedAt, current) != current)
            {
                current = Interlocked.Read(ref _lastLostThread);
            }
        }
    }

    public int Requests(Phase? phase = null, Func<int, bool>? status = null) =>
        _statuses.Where(s => (phase is null || s.Key.Item1 == phase) && (status is null || status(s.Key.Item2))).Sum(s => s.Value);

    public int Answers(Phase? phase, Answer answer) => _answers.Where(a => (phase is null || a.Key.Item1 == phase) && a.Key.Item2 == answer).Sum(a => a.Value);

    public IEnumerable<string> ServerErrors => _serverErrors;

    public IEnumerable<(Phase Phase, int Status, int Count)> Statuses => _statuses.OrderBy(s => s.Key).Select(s => (s.Key.Item1, s.Key.Item2, s.Value));

    /// <summary>Seconds from Redis's restart to the start of the last turn answered "I lost the thread" (negative: none after the restart).</summary>
    public double LastLostThreadAfterRestartSeconds =>
        Interlocked.Read(ref _lastLostThread) < 0 ? double.NaN : (Interlocked.Read(ref _lastLostThread) - Interlocked.Read(ref _restartedAt)) / 1000.0;
}
