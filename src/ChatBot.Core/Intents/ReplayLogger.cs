using Microsoft.Extensions.Logging;

namespace ChatBot.Core.Intents;

/// <summary>
/// Keeps log entries written before the host's logging exists (the intent model loads while services are still being
/// registered) and replays them into the real logger once it does, so a retrain at start is still reported.
/// </summary>
public sealed class ReplayLogger<T> : ILogger<T>
{
    private readonly List<(LogLevel Level, EventId Id, string Message, Exception? Error)> _entries = [];
    private readonly Lock _gate = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }
        lock (_gate)
        {
            _entries.Add((logLevel, eventId, formatter(state, exception), exception));
        }
    }

    /// <summary>Writes what was kept into <paramref name="target"/>, once.</summary>
    public void ReplayTo(ILogger target)
    {
        lock (_gate)
        {
            foreach (var (level, id, message, error) in _entries)
            {
                target.Log(level, id, error, "{Message}", message);
            }
            _entries.Clear();
        }
    }
}
