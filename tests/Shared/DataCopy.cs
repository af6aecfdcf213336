using System.Security.Cryptography;
using ChatBot.Core;

namespace ChatBot.Tests.Shared;

/// <summary>
/// A throwaway copy of the repository's data (seeds/, models/, dialogs/, the dev questions, appsettings.json) for a
/// test to break: the data validator's tests read it, the host's tests start a host on it (CHATBOT_ROOT).
/// </summary>
internal sealed class DataCopy : IDisposable
{
    private readonly string _root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"chatbot-data-{Guid.NewGuid():N}");

    public DataCopy(ChatBotPaths source)
    {
        foreach (var folder in new[] { "dialogs", "models", "seeds", "tests/data" })
        {
            var target = System.IO.Path.Combine(_root, folder);
            Directory.CreateDirectory(target);
            foreach (var file in Directory.GetFiles(System.IO.Path.Combine(source.Root, folder)))
            {
                File.Copy(file, System.IO.Path.Combine(target, System.IO.Path.GetFileName(file)));
            }
        }
        File.Copy(System.IO.Path.Combine(source.Root, "appsettings.json"), System.IO.Path.Combine(_root, "appsettings.json"));
        Paths = new ChatBotPaths(_root);
    }

    public ChatBotPaths Paths { get; }

    /// <summary>The copy's root folder.</summary>
    public string Root => _root;

    public string Path(string relative) => System.IO.Path.Combine(_root, relative);

    /// <summary>Rewrites one file; the edit must change it, so a test never passes on data it did not break.</summary>
    public void Edit(string relative, Func<string, string> edit)
    {
        var before = File.ReadAllText(Path(relative));
        var after = edit(before);
        after.ShouldNotBe(before, $"the edit of {relative} changed nothing");
        File.WriteAllText(Path(relative), after);
    }

    /// <summary>The 1-based line of the first line holding <paramref name="text"/>.</summary>
    public int LineOf(string relative, string text)
    {
        var index = Array.FindIndex(File.ReadAllLines(Path(relative)), l => l.Contains(text, StringComparison.Ordinal));
        index.ShouldBeGreaterThanOrEqualTo(0, $"{relative} holds no line with \"{text}\"");
        return index + 1;
    }

    /// <summary>Every file of models/ with its bytes' hash.</summary>
    public Dictionary<string, string> ModelsSnapshot() =>
        Directory.GetFiles(Paths.Models).Order(StringComparer.Ordinal)
            .ToDictionary(f => System.IO.Path.GetFileName(f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
