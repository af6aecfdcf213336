using System.Security.Cryptography;

namespace ChatBot.Core.Tests.Validation;

/// <summary>A throwaway copy of the repository's data (seeds/, models/, dialogs/, the dev questions) for a test to break.</summary>
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
        Paths = new ChatBotPaths(_root);
    }

    public ChatBotPaths Paths { get; }

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
