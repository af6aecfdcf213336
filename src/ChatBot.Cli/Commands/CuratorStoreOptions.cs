using System.CommandLine;
using ChatBot.Core;
using ChatBot.Core.Curation;
using System.Text.Json.Nodes;
using StackExchange.Redis;

namespace ChatBot.Cli;

/// <summary>
/// How <c>chatbot report</c> and <c>chatbot unanswered</c> find the curator store the hosts write: Redis when
/// <c>--redis</c> or <c>Storage:Redis</c> (appsettings.json, environment) names one, else the SQLite file.
/// </summary>
internal sealed class CuratorStoreOptions
{
    public Option<string?> Database { get; } = new("--store") { Description = "The curator events file (SQLite); default Curator:DatabasePath, data/curator.db" };

    public Option<string?> Redis { get; } = new("--redis") { Description = "Read the events from this Redis (host:port) instead; default Storage:Redis" };

    public IEnumerable<Option> All => [Database, Redis];

    /// <summary>The store, what it is (for the user), and the options it keeps events by.</summary>
    public (ICuratorStore Store, string Where, CuratorOptions Options, IDisposable? Connection) Open(ParseResult result, ChatBotPaths paths)
    {
        var settings = Settings(paths);
        var options = new CuratorOptions();
        options.DatabasePath = settings("Curator", "DatabasePath") ?? options.DatabasePath;
        options.RetentionDays = int.TryParse(settings("Curator", "RetentionDays"), out var days) && days > 0 ? days : options.RetentionDays;
        options.MaxEvents = int.TryParse(settings("Curator", "MaxEvents"), out var max) && max > 0 ? max : options.MaxEvents;
        var redis = result.GetValue(Redis) ?? settings("Storage", "Redis");
        if (!string.IsNullOrWhiteSpace(redis))
        {
            var prefix = settings("Storage", "RedisKeyPrefix") ?? "chatbot:";
            ConnectionMultiplexer connection;
            try
            {
                connection = ConnectionMultiplexer.Connect(redis);
            }
            catch (Exception ex) when (ex is RedisConnectionException or ArgumentException)
            {
                throw new CuratorStoreUnavailableException($"cannot reach Redis at {redis}: {ex.Message}", ex);
            }
            return (new RedisCuratorStore(connection, options, TimeProvider.System, prefix), $"Redis {redis} ({prefix})", options, connection);
        }
        var file = result.GetValue(Database) ?? options.DatabasePath;
        var path = Path.IsPathRooted(file) ? file : Path.Combine(paths.Root, file);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"no curator store at {path}: the host writes it once it has answered (or pass --store / --redis)");
        }
        return (new SqliteCuratorStore(path, options, TimeProvider.System), path, options, null);
    }

    /// <summary>
    /// A setting as the host reads it: the environment (<c>Section__Name</c>) over appsettings.json. Read by hand, so
    /// the CLI needs no configuration libraries where it runs beside the host's (the tests' output folder).
    /// </summary>
    private static Func<string, string, string?> Settings(ChatBotPaths paths)
    {
        JsonNode? json = null;
        var file = Path.Combine(paths.Root, "appsettings.json");
        if (File.Exists(file))
        {
            try
            {
                json = JsonNode.Parse(File.ReadAllText(file));
            }
            catch (System.Text.Json.JsonException ex)
            {
                throw new ChatBotDataException($"{file} is not valid JSON: {ex.Message}");
            }
        }
        return (section, name) => Environment.GetEnvironmentVariable($"{section}__{name}") is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : json?[section]?[name] is JsonValue value ? value.ToString() : null;
    }
}
