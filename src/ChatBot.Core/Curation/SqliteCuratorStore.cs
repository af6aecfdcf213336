using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace ChatBot.Core.Curation;

/// <summary>
/// The embedded curator store: one SQLite file (WAL, so the host writes while <c>chatbot report</c> reads). Each write
/// also drops what is past the retention period or over the size bound, so the file never grows without limit.
/// </summary>
public sealed class SqliteCuratorStore : ICuratorStore
{
    private readonly string _connectionString;
    private readonly CuratorOptions _options;
    private readonly TimeProvider _clock;
    private readonly Lazy<Task> _created;
    // Group commit: every write waits for its own commit, but the writes that queue while one transaction runs go in
    // the next one together. SQLite admits one writer; with one connection each, concurrent turns met SQLITE_BUSY,
    // which Microsoft.Data.Sqlite answers by sleeping its thread (150 ms a try): pool threads slept ~30 % of the time
    // and the p99 of /api/messages reached 400-600 ms. One writer and one commit per batch costs neither.
    private readonly Channel<PendingWrite> _writes = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lazy<Task> _writer;
    private const int MaxBatch = 256;

    public SqliteCuratorStore(string path, CuratorOptions options, TimeProvider clock)
    {
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = true, DefaultTimeout = 5 }.ToString();
        _options = options;
        _clock = clock;
        _created = new Lazy<Task>(CreateAsync);
        _writer = new Lazy<Task>(() => Task.Run(WriteBatchesAsync));
    }

    public string Path { get; }

    public Task AppendAsync(CuratorEvent curatorEvent, CancellationToken cancellationToken) =>
        WriteAsync("""
            INSERT INTO events (time, json) VALUES ($time, $json);
            DELETE FROM events WHERE time < $cutoff OR id <= (SELECT MAX(id) FROM events) - $max;
            """,
            c =>
            {
                c.Parameters.AddWithValue("$time", curatorEvent.Time.ToUnixTimeMilliseconds());
                c.Parameters.AddWithValue("$json", JsonSerializer.Serialize(curatorEvent, CuratorJson.Default.CuratorEvent));
            }, cancellationToken);

    public Task RememberAnswerAsync(AnsweredTurn turn, CancellationToken cancellationToken) =>
        WriteAsync("""
            INSERT OR REPLACE INTO answers (id, time, json) VALUES ($id, $time, $json);
            DELETE FROM answers WHERE time < $cutoff OR rowid <= (SELECT MAX(rowid) FROM answers) - $max;
            """,
            c =>
            {
                c.Parameters.AddWithValue("$id", turn.AnswerId);
                c.Parameters.AddWithValue("$time", turn.Time.ToUnixTimeMilliseconds());
                c.Parameters.AddWithValue("$json", JsonSerializer.Serialize(turn, CuratorJson.Default.AnsweredTurn));
            }, cancellationToken);

    public Task AliasAnswerAsync(string answerId, string alias, CancellationToken cancellationToken) =>
        WriteAsync("""
            INSERT OR REPLACE INTO aliases (alias, answer_id, time) VALUES ($alias, $id, $time);
            DELETE FROM aliases WHERE time < $cutoff OR rowid <= (SELECT MAX(rowid) FROM aliases) - $max;
            """, c =>
        {
            c.Parameters.AddWithValue("$alias", alias);
            c.Parameters.AddWithValue("$id", answerId);
            c.Parameters.AddWithValue("$time", _clock.GetUtcNow().ToUnixTimeMilliseconds());
        }, cancellationToken);

    public async Task<AnsweredTurn?> FindAnswerAsync(string answerIdOrAlias, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync("""
            SELECT json FROM answers WHERE time >= $cutoff AND (id = $id OR id = (SELECT answer_id FROM aliases WHERE alias = $id)) LIMIT 1;
            """, c => c.Parameters.AddWithValue("$id", answerIdOrAlias), cancellationToken).ConfigureAwait(false);
        return rows.Select(json => JsonSerializer.Deserialize(json, CuratorJson.Default.AnsweredTurn)).FirstOrDefault();
    }

    public async Task<IReadOnlyList<CuratorEvent>> ReadAsync(CancellationToken cancellationToken)
    {
        var rows = await QueryAsync("SELECT json FROM events WHERE time >= $cutoff ORDER BY id DESC LIMIT $max;", _ => { }, cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(json => JsonSerializer.Deserialize(json, CuratorJson.Default.CuratorEvent)).OfType<CuratorEvent>()];
    }

    private async Task CreateAsync()
    {
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            await using var connection = new SqliteConnection(_connectionString);
            await connection.OpenAsync().ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                PRAGMA journal_mode = WAL;
                CREATE TABLE IF NOT EXISTS events (id INTEGER PRIMARY KEY AUTOINCREMENT, time INTEGER NOT NULL, json TEXT NOT NULL);
                CREATE INDEX IF NOT EXISTS events_time ON events (time);
                CREATE TABLE IF NOT EXISTS answers (id TEXT PRIMARY KEY, time INTEGER NOT NULL, json TEXT NOT NULL);
                CREATE INDEX IF NOT EXISTS answers_time ON answers (time);
                CREATE TABLE IF NOT EXISTS aliases (alias TEXT PRIMARY KEY, answer_id TEXT NOT NULL, time INTEGER NOT NULL);
                CREATE INDEX IF NOT EXISTS aliases_time ON aliases (time);
                """;
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new CuratorStoreUnavailableException($"the curator store {Path} cannot be opened: {ex.Message}", ex);
        }
    }

    private Task WriteAsync(string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken)
    {
        var write = new PendingWrite(sql, bind, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        _writes.Writer.TryWrite(write); // unbounded: never refused
        _ = _writer.Value;
        return write.Done.Task.WaitAsync(cancellationToken);
    }

    private async Task WriteBatchesAsync()
    {
        var batch = new List<PendingWrite>(MaxBatch);
        while (await _writes.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _writes.Reader.TryRead(out var write))
            {
                batch.Add(write);
            }
            try
            {
                await RunBatchAsync(batch).ConfigureAwait(false);
                batch.ForEach(w => w.Done.TrySetResult());
            }
            catch (Exception) when (batch.Count > 1)
            {
                // One write that fails must not cost the others theirs: each on its own, as before batching.
                foreach (var write in batch)
                {
                    try
                    {
                        await RunBatchAsync([write]).ConfigureAwait(false);
                        write.Done.TrySetResult();
                    }
                    catch (Exception ex)
                    {
                        write.Done.TrySetException(ex); // the writer it came from sees what it would have seen alone
                    }
                }
            }
            catch (Exception ex)
            {
                batch[0].Done.TrySetException(ex);
            }
        }
    }

    private async Task RunBatchAsync(IReadOnlyList<PendingWrite> batch)
    {
        await _created.Value.ConfigureAwait(false);
        try
        {
            await using var connection = new SqliteConnection(_connectionString);
            await connection.OpenAsync().ConfigureAwait(false);
            await using (var pragma = connection.CreateCommand())
            {
                // WAL with synchronous NORMAL: a commit costs no fsync on the turn's path; a power cut may lose the last events.
                pragma.CommandText = "PRAGMA synchronous = NORMAL;";
                await pragma.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync().ConfigureAwait(false);
            foreach (var write in batch)
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = write.Sql;
                Bind(command);
                write.Bind(command);
                await command.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
            await transaction.CommitAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or InvalidOperationException)
        {
            throw new CuratorStoreUnavailableException($"the curator store {Path} failed: {ex.Message}", ex);
        }
    }

    private void Bind(SqliteCommand command)
    {
        command.Parameters.AddWithValue("$cutoff", _clock.GetUtcNow().AddDays(-_options.RetentionDays).ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$max", _options.MaxEvents);
    }

    private async Task<List<string>> QueryAsync(string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken)
    {
        var rows = new List<string>();
        await RunAsync(sql, bind, async c =>
        {
            await using var reader = await c.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(reader.GetString(0));
            }
        }, cancellationToken).ConfigureAwait(false);
        return rows;
    }

    private async Task RunAsync(string sql, Action<SqliteCommand> bind, Func<SqliteCommand, Task> run, CancellationToken cancellationToken)
    {
        await _created.Value.ConfigureAwait(false);
        try
        {
            await using var connection = new SqliteConnection(_connectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            Bind(command);
            bind(command);
            await run(command).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or InvalidOperationException)
        {
            throw new CuratorStoreUnavailableException($"the curator store {Path} failed: {ex.Message}", ex);
        }
    }

    private sealed record PendingWrite(string Sql, Action<SqliteCommand> Bind, TaskCompletionSource Done);
}
