using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ChatBot.Core.Validation;

/// <summary>A data file as the validator reads it: its repository-relative name, its lines, and its YAML tree with line numbers.</summary>
internal sealed class SourceFile
{
    private readonly string[] _lines;

    private SourceFile(string name, string text, YamlNode? root, DataIssue? parseError)
    {
        Name = name;
        _lines = text.ReplaceLineEndings("\n").Split('\n');
        Root = root;
        ParseError = parseError;
    }

    public string Name { get; }

    /// <summary>The document's root node, or null when the file is empty or not YAML (<see cref="ParseError"/> says which).</summary>
    public YamlNode? Root { get; }

    public DataIssue? ParseError { get; }

    public static SourceFile Read(ChatBotPaths paths, string path)
    {
        var name = Path.GetRelativePath(paths.Root, path).Replace('\\', '/');
        var text = File.ReadAllText(path);
        var parser = new Parser(new StringReader(text));
        try
        {
            var yaml = new YamlStream();
            yaml.Load(parser);
            return new SourceFile(name, text, yaml.Documents.Count > 0 ? yaml.Documents[0].RootNode : null, null);
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException)
        {
            // YamlDotNet throws InvalidOperationException, without a position, on some unclosed brackets: the last event it read is where it stopped.
            var line = ex is YamlException yamlError ? (int)yamlError.Start.Line : (int)(parser.Current?.End.Line ?? 1);
            var reason = ex is YamlException ? (ex.InnerException?.Message ?? ex.Message).Trim() : "the parser stopped here (an unclosed [ or quote?)";
            var issue = new DataIssue(name, line, $"not valid YAML: {reason}",
                "correct the indentation, brackets or quoting at that line (a value with ': ' or '#' needs quotes)");
            return new SourceFile(name, text, null, issue);
        }
    }

    /// <summary>The first line at or after <paramref name="from"/> that contains <paramref name="text"/> (case-insensitive), else <paramref name="from"/>.</summary>
    public int LineOf(string text, int from = 1)
    {
        for (var i = Math.Max(from, 1); i <= _lines.Length; i++)
        {
            if (_lines[i - 1].Contains(text, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return Math.Max(from, 1);
    }

    /// <summary>The value of a mapping's key, or null.</summary>
    public static YamlNode? Field(YamlNode? node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static string? Text(YamlNode? node) => (node as YamlScalarNode)?.Value?.Trim();

    /// <summary>The items of a sequence (none when the node is not one).</summary>
    public static IEnumerable<YamlNode> Items(YamlNode? node) => node is YamlSequenceNode sequence ? sequence.Children : [];

    public static int Line(YamlNode node) => (int)node.Start.Line;
}
