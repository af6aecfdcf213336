using System.Runtime.CompilerServices;
using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Tests.Knowledge;

/// <summary>
/// The real seeds, facts and entities of this repository, loaded once per test class: the knowledge base is
/// immutable, so sharing it shares no state; each test gets its own conversation storage.
/// </summary>
public sealed class RealKnowledge
{
    public RealKnowledge()
    {
        Paths = new ChatBotPaths(RepoRoot());
        Knowledge = KnowledgeBase.Load(Paths);
        FollowUps = new FollowUpPlanner(Knowledge);
    }

    public ChatBotPaths Paths { get; }

    public KnowledgeBase Knowledge { get; }

    public FollowUpPlanner FollowUps { get; }

    /// <summary>The repository root, found from this source file (the tests may run from any artifacts folder).</summary>
    public static string RepoRoot([CallerFilePath] string sourceFile = "")
    {
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(sourceFile)!); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "seeds")) && File.Exists(Path.Combine(dir.FullName, "appsettings.json")))
            {
                return dir.FullName;
            }
        }
        return ChatBotPaths.Locate().Root;
    }
}
