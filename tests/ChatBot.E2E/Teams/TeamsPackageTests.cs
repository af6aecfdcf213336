using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBot.Cli;
using ChatBot.Core;
using Json.Schema;

namespace ChatBot.E2E.Teams;

/// <summary>
/// The Teams app package <c>chatbot teams-package</c> writes (protocol doc §6): three files at the zip's root, a
/// manifest that passes the official schema of its own manifestVersion (a copy committed beside this file, since
/// these machines cannot reach the $schema URL), and icons of the sizes and colours Teams requires.
/// </summary>
public sealed class TeamsPackageTests : IDisposable
{
    private const string AppId = "5a1f3a8e-0a39-4f0a-9a3c-1b2c3d4e5f60";
    private static readonly string Root = ChatBotPaths.Locate().Root;
    private static readonly string TeamsFolder = Path.Combine(Root, "teams");
    private readonly string _folder = Directory.CreateTempSubdirectory("chatbot-teams-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Package(string appId = AppId) => TeamsAppPackage.Write(TeamsFolder, appId, "https://bot.example.org/", Path.Combine(_folder, "app.zip"));

    private static JsonNode ManifestIn(string zipPath)
    {
        using var zip = ZipFile.OpenRead(zipPath);
        using var stream = zip.GetEntry("manifest.json")!.Open();
        return JsonNode.Parse(stream)!;
    }

    private static byte[] EntryBytes(string zipPath, string name)
    {
        using var zip = ZipFile.OpenRead(zipPath);
        using var stream = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    [Fact]
    public void The_package_holds_the_manifest_and_both_icons_at_its_root()
    {
        using var zip = ZipFile.OpenRead(Package());

        zip.Entries.Select(e => e.FullName).Order().ShouldBe(["color.png", "manifest.json", "outline.png"]);
    }

    [Fact]
    public void The_manifest_names_the_app_id_as_the_app_and_the_bot()
    {
        var manifest = ManifestIn(Package());

        manifest["id"]!.GetValue<string>().ShouldBe(AppId);
        manifest["bots"]![0]!["botId"]!.GetValue<string>().ShouldBe(AppId);
        manifest["developer"]!["websiteUrl"]!.GetValue<string>().ShouldBe("https://bot.example.org/");
        manifest.ToJsonString().ShouldNotContain("{{");
    }

    [Fact]
    public void The_packaged_manifest_passes_the_official_schema_of_its_manifestVersion()
    {
        var manifest = ManifestIn(Package());
        var version = manifest["manifestVersion"]!.GetValue<string>();
        var schemaFile = SchemaFile(version);
        manifest["$schema"]!.GetValue<string>().ShouldEndWith($"/teams/v{version}/MicrosoftTeams.schema.json");

        var schema = LoadSchema(schemaFile);
        var result = schema.Evaluate(manifest, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });

        var errors = (result.Details ?? []).Where(d => d.HasErrors)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
        result.IsValid.ShouldBeTrue("schema errors:\n" + string.Join("\n", errors));
    }

    [Fact]
    public void The_schema_rejects_a_manifest_that_breaks_it()
    {
        // Proves the check bites, on a top-level required field and on a rule reached through a $ref (guid).
        var withoutAccent = ManifestIn(Package());
        withoutAccent.AsObject().Remove("accentColor");
        var badBotId = ManifestIn(Package());
        badBotId["bots"]![0]!["botId"] = "not-a-guid";
        var schema = LoadSchema(SchemaFile(badBotId["manifestVersion"]!.GetValue<string>()));

        schema.Evaluate(withoutAccent).IsValid.ShouldBeFalse();
        schema.Evaluate(badBotId).IsValid.ShouldBeFalse();
    }

    [Fact]
    public void The_color_icon_is_192_square_and_the_outline_32_square_white_on_transparent()
    {
        var zip = Package();
        var color = PngImage.Read(EntryBytes(zip, "color.png"));
        var outline = PngImage.Read(EntryBytes(zip, "outline.png"));

        (color.Width, color.Height).ShouldBe((192, 192));
        (outline.Width, outline.Height).ShouldBe((32, 32));
        outline.ColorType.ShouldBe((byte)6, "the outline needs an alpha channel");
        var pixels = outline.Pixels().ToList();
        pixels.ShouldAllBe(p => p.A == 0 || (p.R == 255 && p.G == 255 && p.B == 255), "outline pixels are white or transparent");
        pixels.Count(p => p.A == 0).ShouldBeGreaterThan(pixels.Count / 2, "mostly transparent");
        pixels.Count(p => p.A > 0).ShouldBeGreaterThan(0);
    }

    [Fact]
    public void The_committed_template_keeps_its_placeholders()
    {
        var template = File.ReadAllText(Path.Combine(TeamsFolder, "manifest.json"));

        template.ShouldContain(TeamsAppPackage.AppIdPlaceholder);
        Should.Throw<ArgumentException>(() => TeamsAppPackage.FillManifest(template, "not-a-guid", TeamsAppPackage.DefaultWebsite)).Message.ShouldContain("--app-id");
        Should.Throw<ArgumentException>(() => TeamsAppPackage.FillManifest(template, AppId, "http://insecure.example")).Message.ShouldContain("--website");
    }

    [Fact]
    public async Task The_cli_command_writes_the_package_and_refuses_a_bad_app_id_in_one_line()
    {
        var zipPath = Path.Combine(_folder, "from-cli.zip");

        var (ok, okOut, _) = await RunCliAsync("teams-package", "--app-id", AppId, "--out", zipPath);
        var (bad, _, badErr) = await RunCliAsync("teams-package", "--app-id", "my-bot");

        ok.ShouldBe(0);
        okOut.ShouldContain(zipPath);
        ManifestIn(zipPath)["bots"]![0]!["botId"]!.GetValue<string>().ShouldBe(AppId);
        bad.ShouldNotBe(0);
        badErr.ShouldContain("--app-id");
        badErr.ShouldNotContain("   at ");
    }

    /// <summary>
    /// The official schema of a manifest version (microsoft/json-schemas <c>teams/v{version}/MicrosoftTeams.schema.json</c>,
    /// unchanged): beside this file, or in the steering repository's <c>shared/schemas/</c> next to the clone.
    /// </summary>
    private static string SchemaFile(string version)
    {
        string[] candidates =
        [
            Path.Combine(Root, "tests", "ChatBot.E2E", "Teams", $"MicrosoftTeams.v{version}.schema.json"),
            Path.GetFullPath(Path.Combine(Root, "..", "shared", "schemas", "teams", $"v{version}", "MicrosoftTeams.schema.json")),
        ];
        var found = candidates.FirstOrDefault(File.Exists);
        found.ShouldNotBeNull($"the official schema for manifestVersion {version} (teams/v{version}/MicrosoftTeams.schema.json of microsoft/json-schemas) is at one of: {string.Join(", ", candidates)}");
        return found;
    }

    /// <summary>
    /// The official schemas declare draft-04 but use draft-06's <c>const</c>; JsonSchema.Net evaluates draft 6 and
    /// later, so the schema is read as draft-07, which it fits: it uses none of draft 4's own forms (a boolean
    /// exclusiveMinimum/exclusiveMaximum, an "id" keyword).
    /// </summary>
    private static JsonSchema LoadSchema(string path)
    {
        var node = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        node["$schema"]!.GetValue<string>().ShouldStartWith("http://json-schema.org/draft-04/schema");
        node.ToJsonString().ShouldNotContain("\"exclusiveMaximum\":true");
        node.ToJsonString().ShouldNotContain("\"exclusiveMinimum\":true");
        node.ContainsKey("id").ShouldBeFalse();
        node["$schema"] = "http://json-schema.org/draft-07/schema#";
        return JsonSchema.FromText(node.ToJsonString());
    }

    private static Task<(int ExitCode, string Out, string Err)> RunCliAsync(params string[] arguments) =>
        ChatBot.E2E.Infrastructure.CliProcess.RunAsync(arguments);
}
