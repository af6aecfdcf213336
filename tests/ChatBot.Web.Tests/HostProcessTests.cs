using System.Diagnostics;
using System.Net;
using ChatBot.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ChatBot.Web.Tests;

/// <summary>The host as a real process, the way `dotnet run --project src/ChatBot.Web` starts it.</summary>
public sealed class HostProcessTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("BotFramework__MaxBodyBytes", "5", "MaxBodyBytes")]
    [InlineData("BotFramework__OpenIdMetadataUrl", "not a url", "OpenIdMetadataUrl")]
    [InlineData("MicrosoftAppId", "not-a-guid", "MicrosoftAppId")]
    public async Task A_bad_setting_stops_the_host_with_a_clear_message(string key, string value, string named)
    {
        var message = await HostProcess.StopsWithOneLineAsync(new Dictionary<string, string> { [key] = value });
        message.ShouldContain(named);
    }

    [Fact]
    public async Task A_damaged_word_vector_file_stops_the_host_with_a_clear_message_not_a_500_per_turn()
    {
        var root = Directory.CreateTempSubdirectory("chatbot-root-").FullName;
        try
        {
            var repo = ChatBot.Core.ChatBotPaths.Locate().Root;
            File.Copy(Path.Combine(repo, "appsettings.json"), Path.Combine(root, "appsettings.json"));
            foreach (var folder in new[] { "seeds", "models", "dialogs" })
            {
                Directory.CreateDirectory(Path.Combine(root, folder));
                foreach (var file in Directory.GetFiles(Path.Combine(repo, folder)))
                {
                    File.Copy(file, Path.Combine(root, folder, Path.GetFileName(file)));
                }
            }
            var vectors = Path.Combine(root, "models", "word-vectors.bin");
            File.WriteAllBytes(vectors, File.ReadAllBytes(vectors)[..4096]);

            var message = await HostProcess.StopsWithOneLineAsync(new Dictionary<string, string> { ["CHATBOT_ROOT"] = root });
            message.ShouldContain("word-vectors.bin");
            message.ShouldContain("cut short");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task A_stale_intent_model_stops_the_host_naming_chatbot_train_and_changes_nothing_under_models()
    {
        var root = Directory.CreateTempSubdirectory("chatbot-root-").FullName;
        try
        {
            var repo = ChatBot.Core.ChatBotPaths.Locate().Root;
            File.Copy(Path.Combine(repo, "appsettings.json"), Path.Combine(root, "appsettings.json"));
            foreach (var folder in new[] { "seeds", "models", "dialogs" })
            {
                Directory.CreateDirectory(Path.Combine(root, folder));
                foreach (var file in Directory.GetFiles(Path.Combine(repo, folder)))
                {
                    File.Copy(file, Path.Combine(root, folder, Path.GetFileName(file)));
                }
            }
            var greeting = Path.Combine(root, "dialogs", "greeting.yaml");
            File.WriteAllText(greeting, File.ReadAllText(greeting).Replace("examples:\n", "examples:\n  - hello from a changed file\n"));
            var models = Snapshot(Path.Combine(root, "models"));

            var message = await HostProcess.StopsWithOneLineAsync(new Dictionary<string, string> { ["CHATBOT_ROOT"] = root });
            message.ShouldContain("is stale");
            message.ShouldContain("`chatbot train`");
            Snapshot(Path.Combine(root, "models")).ShouldBe(models);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.GetFiles(folder).Order(StringComparer.Ordinal)
            .ToDictionary(f => Path.GetFileName(f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));

    [Fact]
    public async Task The_host_answers_a_cited_question_over_http_after_start()
    {
        var started = Stopwatch.StartNew();
        using var host = HostProcess.Start();

        var response = await host.SendWhenUpAsync(
            client => client.PostAsync("/api/messages", Activities.Json(Activities.Message("what was the trade volume in 2019"))),
            TimeSpan.FromSeconds(60));
        started.Stop();

        response.ShouldNotBeNull("the host did not answer within 60 s");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Activities.RepliesAsync(response)).Single().Text().ShouldMatch(@"Sources?: \d{3}_[0-9a-f]{16}\.txt, lines? \d+");
        output.WriteLine($"cold start to first cited answer: {started.ElapsedMilliseconds} ms (Debug build under the test runner)");
    }
}
