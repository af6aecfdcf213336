using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ChatBot.Core.Knowledge;

/// <summary>Reads one of the bot's YAML data files, turning a parse error into a message that names the file, the line and the nearest fact id.</summary>
internal static class YamlFile
{
    /// <summary>Reads a file; unless <paramref name="ignoreUnknownFields"/>, a misspelt field is an error, not silently lost.</summary>
    public static T Read<T>(string path, bool ignoreUnknownFields = false)
        where T : class, new()
    {
        if (!File.Exists(path))
        {
            throw new ChatBotDataException($"{path}: file not found.");
        }
        var text = File.ReadAllText(path);
        var builder = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance);
        if (ignoreUnknownFields)
        {
            builder = builder.IgnoreUnmatchedProperties();
        }
        var deserializer = builder.Build();
        try
        {
            return deserializer.Deserialize<T>(text) ?? new T();
        }
        catch (InvalidOperationException ex)
        {
            // What YamlDotNet throws, without a position, on some unclosed brackets.
            throw new ChatBotDataException($"{path}: not valid YAML (an unclosed [ or quote?); `chatbot data validate` shows the line.", ex);
        }
        catch (YamlException ex)
        {
            var line = (int)ex.Start.Line;
            var near = NearestId(text, line);
            var reason = (ex.InnerException?.Message ?? ex.Message).Trim();
            throw new ChatBotDataException(
                $"{path}:{line}: {reason}{(near is null ? "" : $" (in the entry '{near}')")}", ex);
        }
    }

    /// <summary>The id (or name) of the last entry that starts at or before a line: the entry a person must fix.</summary>
    private static string? NearestId(string text, int line)
    {
        string? nearest = null;
        var number = 0;
        foreach (var raw in text.AsSpan().EnumerateLines())
        {
            if (++number > line)
            {
                break;
            }
            var trimmed = raw.TrimStart().TrimStart('-').Trim();
            foreach (var field in (ReadOnlySpan<string>)["id:", "name:"])
            {
                if (trimmed.StartsWith(field, StringComparison.Ordinal))
                {
                    nearest = trimmed[field.Length..].ToString().Trim().Trim('"', '\'');
                }
            }
        }
        return nearest;
    }
}
