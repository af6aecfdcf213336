using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using ChatBot.Core;
using ChatBot.Web.Telemetry;
using ChatBot.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ChatBot.Web.Tests.Scaling;

/// <summary>The bot's traces and metrics (meter and activity source "ChatBot"), and their OTLP export only when configured.</summary>
public sealed class TelemetryTests
{
    /// <summary>One measurement of one of the app's own ChatBot instruments.</summary>
    private sealed record Measured(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags);

    /// <summary>Listens to the "ChatBot" meter of one host only (its IMeterFactory), so parallel test hosts do not mix.</summary>
    private static MeterListener Listen(ChatBotApp app, ConcurrentQueue<Measured> into)
    {
        var meters = app.Services.GetRequiredService<IMeterFactory>();
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == ChatBotTelemetry.Name && instrument.Meter.Scope == meters)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => into.Enqueue(new Measured(instrument.Name, value, ToDictionary(tags))));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => into.Enqueue(new Measured(instrument.Name, value, ToDictionary(tags))));
        listener.Start();
        return listener;
    }

    private static Dictionary<string, object?> ToDictionary(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var dictionary = new Dictionary<string, object?>();
        foreach (var (key, value) in tags)
        {
            dictionary[key] = value;
        }
        return dictionary;
    }

    private static async Task<HttpResponseMessage> AskAsync(HttpClient client, string text, string conversationId) =>
        await client.PostAsync("/api/messages", Activities.Json(Activities.Message(text, conversationId)));

    [Fact]
    public async Task Each_answer_is_counted_by_intent_and_each_turn_is_timed()
    {
        await using var app = new ChatBotApp();
        using var client = app.CreateClient();
        var measured = new ConcurrentQueue<Measured>();
        using var listener = Listen(app, measured);

        using var response = await AskAsync(client, "What was the trade volume between Kazakhstan and Korea in 2019?", "conv-metrics");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var answer = measured.Where(m => m.Instrument == "chatbot.answers").ShouldHaveSingleItem();
        answer.Value.ShouldBe(1);
        answer.Tags["chatbot.intent"].ShouldBeOfType<string>().ShouldNotBeNullOrWhiteSpace();
        answer.Tags["chatbot.answer.kind"].ShouldNotBeNull();
        var turn = measured.Where(m => m.Instrument == "chatbot.turn.duration").ShouldHaveSingleItem();
        turn.Value.ShouldBeGreaterThan(0);
        turn.Tags["chatbot.activity.type"].ShouldBe("message");
        turn.Tags["chatbot.outcome"].ShouldBe("ok");
    }

    [Fact]
    public async Task A_question_from_outside_the_documents_is_counted_as_a_fallback()
    {
        await using var app = new ChatBotApp();
        using var client = app.CreateClient();
        var measured = new ConcurrentQueue<Measured>();
        using var listener = Listen(app, measured);

        using var response = await AskAsync(client, "What is the best recipe for chocolate cake?", "conv-fallback");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var fallback = measured.Where(m => m.Instrument == "chatbot.fallbacks").ShouldHaveSingleItem();
        fallback.Tags["chatbot.answer.kind"].ShouldBeOneOf("fallback", "out_of_scope");
    }

    [Fact]
    public async Task A_request_refused_for_missing_credentials_is_counted_as_an_auth_failure()
    {
        await using var app = new ChatBotApp(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = TestChannel.AppId,
            ["MicrosoftAppPassword"] = "test-secret",
        });
        using var client = app.CreateClient();
        var measured = new ConcurrentQueue<Measured>();
        using var listener = Listen(app, measured);

        using var response = await AskAsync(client, "hello", "conv-auth");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var failure = measured.Where(m => m.Instrument == "chatbot.auth.failures").ShouldHaveSingleItem();
        failure.Tags["chatbot.endpoint"].ShouldBe("messages");
        failure.Tags["http.response.status_code"].ShouldBe(401);
        measured.ShouldNotContain(m => m.Instrument == "chatbot.answers");
    }

    [Fact]
    public async Task A_turn_is_traced_with_its_conversation_and_intent()
    {
        await using var app = new ChatBotApp();
        using var client = app.CreateClient();
        var conversationId = $"conv-trace-{Guid.NewGuid():N}";
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ChatBotTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = span =>
            {
                if (span.GetTagItem("chatbot.conversation.id") as string == conversationId)
                {
                    spans.Enqueue(span);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        using var response = await AskAsync(client, "What was the trade volume between Kazakhstan and Korea in 2019?", conversationId);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var span = spans.ShouldHaveSingleItem();
        span.OperationName.ShouldBe("chatbot.turn");
        span.GetTagItem("chatbot.activity.type").ShouldBe("message");
        (span.GetTagItem("chatbot.intent") as string).ShouldNotBeNullOrWhiteSpace();
        span.Duration.ShouldBeGreaterThan(TimeSpan.Zero);
    }

    [Fact]
    public async Task Without_an_OTLP_endpoint_no_OpenTelemetry_SDK_runs()
    {
        await using var app = new ChatBotApp();
        using var client = app.CreateClient();

        app.Services.GetService<TracerProvider>().ShouldBeNull();
        app.Services.GetService<MeterProvider>().ShouldBeNull();
    }

    [Fact]
    public async Task With_an_OTLP_endpoint_the_host_exports_traces_and_metrics_there()
    {
        await using var collector = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            return Task.CompletedTask;
        });
        // The real host process, configured the way an operator does it: OTEL_* environment variables.
        using var host = HostProcess.Start(new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.BaseUrl,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "200",
        });

        var response = await host.SendWhenUpAsync(
            client => AskAsync(client, "What was the trade volume between Kazakhstan and Korea in 2019?", "conv-otlp"),
            TimeSpan.FromSeconds(60));
        response.ShouldNotBeNull("the host did not answer within 60 s").StatusCode.ShouldBe(HttpStatusCode.OK);

        var deadlineForBoth = DateTime.UtcNow.AddSeconds(30);
        while (!(Posted(collector, "/v1/traces") && Posted(collector, "/v1/metrics")) && DateTime.UtcNow < deadlineForBoth)
        {
            await Task.Delay(100); // exports run every 100–200 ms
        }

        Posted(collector, "/v1/traces").ShouldBeTrue("no OTLP trace export arrived");
        Posted(collector, "/v1/metrics").ShouldBeTrue("no OTLP metrics export arrived");
    }

    private static bool Posted(LoopbackServer collector, string path) =>
        collector.Requests.Any(r => r.Method == "POST" && r.RawPath == path);
}
