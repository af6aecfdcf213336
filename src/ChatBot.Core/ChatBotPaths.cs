namespace ChatBot.Core;

/// <summary>Where the bot's data lives: the repo root and its seeds/, models/ and dialogs/ folders.</summary>
public sealed record ChatBotPaths(string Root)
{
    public string Seeds => Path.Combine(Root, "seeds");
    public string Models => Path.Combine(Root, "models");
    public string Dialogs => Path.Combine(Root, "dialogs");
    public string Facts => Path.Combine(Models, "facts.yaml");
    public string Entities => Path.Combine(Models, "entities.yaml");
    public string Lexicon => Path.Combine(Models, "lexicon.yaml");
    public string IntentModel => Path.Combine(Models, "intent-classifier.zip");
    public string WordVectors => Path.Combine(Models, "word-vectors.bin");
    public string AnswerModel => Path.Combine(Models, "answer-model.zip");
    public string Countries => Path.Combine(Models, "countries.txt");
    public string FactVectors => Path.Combine(Models, "fact-vectors.bin");
    public string NearMisses => Path.Combine(Models, "near-misses.yaml");

    /// <summary>
    /// The repo root: the first folder, walking up from CHATBOT_ROOT, the working directory, the app's own folder and then the folder it was built in,
    /// that holds both <c>seeds/</c> and <c>appsettings.json</c>.
    /// </summary>
    public static ChatBotPaths Locate(string? explicitRoot = null)
    {
        if (!string.IsNullOrWhiteSpace(explicitRoot))
        {
            return new ChatBotPaths(Path.GetFullPath(explicitRoot));
        }
        var builtAt = typeof(ChatBotPaths).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .OfType<System.Reflection.AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "ChatBotRepoRoot")?.Value;
        var starts = new[] { Environment.GetEnvironmentVariable("CHATBOT_ROOT"), Directory.GetCurrentDirectory(), AppContext.BaseDirectory, builtAt };
        foreach (var start in starts.OfType<string>().Where(s => s.Length > 0 && Directory.Exists(s)))
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (Directory.Exists(Path.Combine(dir.FullName, "seeds")) && File.Exists(Path.Combine(dir.FullName, "appsettings.json")))
                {
                    return new ChatBotPaths(dir.FullName);
                }
            }
        }
        throw new DirectoryNotFoundException(
            "Cannot find the bot's data: no folder above the working directory or the app holds seeds/ and appsettings.json. Run from the repository, or set ChatBot:Root.");
    }
}
