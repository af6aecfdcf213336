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
        var info = HostProcess.StartInfo(new Dictionary<string, string> { [key] = value, ["Urls"] = "http://127.0.0.1:0" });
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var exited = process.WaitForExit(TimeSpan.FromSeconds(60));
        if (!exited)
        {
            process.Kill(entireProcessTree: true);
        }

        exited.ShouldBeTrue("the host kept running with a bad setting");
        process.ExitCode.ShouldNotBe(0);
        var message = await stderr;
        message.ShouldContain(named);
        message.ShouldNotContain("   at ");
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
