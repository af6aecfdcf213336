using System.Diagnostics;
using System.Net;
using ChatBot.Tests.Shared;
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
        using var copy = new DataCopy(ChatBot.Core.ChatBotPaths.Locate());
        var vectors = copy.Path("models/word-vectors.bin");
        File.WriteAllBytes(vectors, File.ReadAllBytes(vectors)[..4096]);

        var message = await HostProcess.StopsWithOneLineAsync(new Dictionary<string, string> { ["CHATBOT_ROOT"] = copy.Root });
        message.ShouldContain("word-vectors.bin");
        message.ShouldContain("cut short");
    }

    [Fact]
    public async Task A_stale_intent_model_stops_the_host_naming_chatbot_train_and_changes_nothing_under_models()
    {
        using var copy = new DataCopy(ChatBot.Core.ChatBotPaths.Locate());
        copy.Edit("dialogs/greeting.yaml", t => t.Replace("examples:\n", "examples:\n  - hello from a changed file\n"));
        var models = copy.ModelsSnapshot();

        var message = await HostProcess.StopsWithOneLineAsync(new Dictionary<string, string> { ["CHATBOT_ROOT"] = copy.Root });
        message.ShouldContain("is stale");
        message.ShouldContain("`chatbot train`");
        copy.ModelsSnapshot().ShouldBe(models);
    }

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
