using System.CommandLine;
using ChatBot.Core;

namespace ChatBot.Cli;

/// <summary>Options every command shares, and the one way each command finds the repository root.</summary>
internal static class CliOptions
{
    public static Option<string?> Root() => new("--root")
    {
        Description = "The repository root (the folder with seeds/ and appsettings.json); found by walking up from here when omitted.",
    };

    public static ChatBotPaths Paths(ParseResult result, Option<string?> root) => ChatBotPaths.Locate(result.GetValue(root));
}
