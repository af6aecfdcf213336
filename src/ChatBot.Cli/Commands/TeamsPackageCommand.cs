using System.CommandLine;
using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ChatBot.Cli;

/// <summary>
/// <c>chatbot teams-package --app-id &lt;id&gt; [--out path] [--website url]</c>: fills the bot's app id into
/// teams/manifest.json and writes the side-loadable zip (manifest.json, color.png, outline.png at its root).
/// </summary>
internal static class TeamsPackageCommand
{
    public static Command Create()
    {
        var appId = new Option<string>("--app-id")
        {
            Description = "The bot's Microsoft App ID (the GUID of its Azure bot / Entra app registration, as in MicrosoftAppId)",
            Required = true,
        };
        var output = new Option<string?>("--out") { Description = "Where to write the zip (default: artifacts/teams/chatbot-teams.zip under the repository root)" };
        var website = new Option<string>("--website")
        {
            Description = "An https page about the bot, used for the developer website, privacy and terms links",
            DefaultValueFactory = _ => TeamsAppPackage.DefaultWebsite,
        };
        var root = CliOptions.Root();
        var command = new Command("teams-package", "Write the Teams app package (manifest with the bot's app id and the two icons) to side-load the bot into Teams.")
        {
            appId, output, website, root,
        };
        command.SetAction((result, cancellationToken) => CliErrors.Guard(async () =>
        {
            var paths = CliOptions.Paths(result, root);
            var target = Path.GetFullPath(result.GetValue(output) ?? Path.Combine(paths.Root, "artifacts", "teams", "chatbot-teams.zip"));
            try
            {
                var written = TeamsAppPackage.Write(Path.Combine(paths.Root, "teams"), result.GetValue(appId)!, result.GetValue(website)!, target);
                Console.WriteLine($"wrote {written} ({string.Join(", ", TeamsAppPackage.Files)}); side-load it in Teams: Apps > Manage your apps > Upload an app");
                return 0;
            }
            catch (ArgumentException ex)
            {
                await Console.Error.WriteLineAsync($"chatbot teams-package: {ex.Message}");
                return CliErrors.BadInput;
            }
        }));
        return command;
    }
}

/// <summary>Builds the Teams app package from the teams/ folder: the manifest with its placeholders filled, and the icons.</summary>
public static partial class TeamsAppPackage
{
    public const string AppIdPlaceholder = "{{BOT_APP_ID}}";
    public const string WebsitePlaceholder = "{{WEBSITE_URL}}";
    public const string DefaultWebsite = "https://example.com/kzkr-bot";

    /// <summary>The three files at the zip's root, as Teams expects them.</summary>
    public static readonly IReadOnlyList<string> Files = ["manifest.json", "color.png", "outline.png"];

    /// <summary>The manifest text with the app id and website filled in; an argument that cannot go there is refused.</summary>
    public static string FillManifest(string template, string appId, string website)
    {
        if (!Guid.TryParseExact(appId.Trim(), "D", out var id))
        {
            throw new ArgumentException($"--app-id must be the bot's Microsoft App ID, a GUID like 00000000-0000-0000-0000-000000000000 (got '{appId}').");
        }
        if (!Uri.TryCreate(website, UriKind.Absolute, out var site) || site.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException($"--website must be an absolute https URL (got '{website}').");
        }
        // JSON-encoded, so nothing a user passes can break out of the string it fills.
        var filled = template
            .Replace(AppIdPlaceholder, id.ToString("D"), StringComparison.Ordinal)
            .Replace(WebsitePlaceholder, JsonEncodedText.Encode(site.AbsoluteUri).ToString(), StringComparison.Ordinal);
        if (Placeholder().Match(filled) is { Success: true } left)
        {
            throw new ArgumentException($"teams/manifest.json has a placeholder this command does not fill: {left.Value}.");
        }
        using var _ = JsonDocument.Parse(filled); // a manifest that is not JSON fails here, not in Teams
        return filled;
    }

    /// <summary>Writes the package to <paramref name="zipPath"/> (replacing it) and returns the full path.</summary>
    public static string Write(string teamsFolder, string appId, string website, string zipPath)
    {
        var manifest = FillManifest(File.ReadAllText(Path.Combine(teamsFolder, "manifest.json")), appId, website);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(zipPath))!);
        var temporary = zipPath + ".tmp";
        using (var zip = ZipFile.Open(temporary, ZipArchiveMode.Create))
        {
            using (var writer = new StreamWriter(zip.CreateEntry("manifest.json").Open()))
            {
                writer.Write(manifest);
            }
            foreach (var icon in Files.Skip(1))
            {
                zip.CreateEntryFromFile(Path.Combine(teamsFolder, icon), icon);
            }
        }
        File.Move(temporary, zipPath, overwrite: true);
        return Path.GetFullPath(zipPath);
    }

    [GeneratedRegex(@"\{\{[A-Z_]+\}\}")]
    private static partial Regex Placeholder();
}
