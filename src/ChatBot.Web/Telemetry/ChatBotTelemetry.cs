using System.Diagnostics;
using System.Diagnostics.Metrics;
using ChatBot.Core.Dialogs;

namespace ChatBot.Web.Telemetry;

/// <summary>
/// The bot's own traces and metrics, both named "ChatBot": a span per turn, the turn latency histogram, answers by
/// intent, fallbacks and authentication failures. Cheap when nobody listens, which is the case unless OTLP export is on.
/// </summary>
public sealed class ChatBotTelemetry : IDisposable
{
    public const string Name = "ChatBot";

    private static readonly double[] LatencyBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

    private readonly Histogram<double> _turnDuration;
    private readonly Counter<long> _answers;
    private readonly Counter<long> _fallbacks;
    private readonly Counter<long> _authFailures;

    public ChatBotTelemetry(IMeterFactory meters)
    {
        // The meter comes from the host's factory, so each host (and each test host) has its own.
        var meter = meters.Create(Name);
        _turnDuration = meter.CreateHistogram("chatbot.turn.duration", "s", "Time the bot spends on one turn, from activity in to replies out.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
        _answers = meter.CreateCounter<long>("chatbot.answers", "{answer}", "Answers given, by intent and kind of answer.");
        _fallbacks = meter.CreateCounter<long>("chatbot.fallbacks", "{answer}", "Answers that could not come from the documents: fallback, out of scope, lost thread.");
        _authFailures = meter.CreateCounter<long>("chatbot.auth.failures", "{request}", "Requests refused as unauthenticated (401) or forbidden (403).");
    }

    public ActivitySource Traces { get; } = new(Name);

    public void RecordTurn(string activityType, string deliveryMode, TimeSpan elapsed, bool failed) =>
        _turnDuration.Record(elapsed.TotalSeconds,
            new KeyValuePair<string, object?>("chatbot.activity.type", activityType),
            new KeyValuePair<string, object?>("chatbot.delivery_mode", deliveryMode),
            new KeyValuePair<string, object?>("chatbot.outcome", failed ? "error" : "ok"));

    public void RecordAnswer(BotAnswer answer)
    {
        var kind = KindName(answer.Kind);
        _answers.Add(1, new KeyValuePair<string, object?>("chatbot.intent", answer.Intent), new KeyValuePair<string, object?>("chatbot.answer.kind", kind));
        if (answer.Kind is AnswerKind.Fallback or AnswerKind.OutOfScope or AnswerKind.LostThread)
        {
            _fallbacks.Add(1, new KeyValuePair<string, object?>("chatbot.answer.kind", kind));
        }
    }

    public void RecordAuthFailure(string endpoint, int statusCode) =>
        _authFailures.Add(1, new KeyValuePair<string, object?>("chatbot.endpoint", endpoint),
            new KeyValuePair<string, object?>("http.response.status_code", statusCode));

    public void Dispose() => Traces.Dispose();

    // Enum.ToString allocates on every call; the kinds are few and fixed.
    private static string KindName(AnswerKind kind) => kind switch
    {
        AnswerKind.Fact => "fact",
        AnswerKind.Timeline => "timeline",
        AnswerKind.Passage => "passage",
        AnswerKind.Clarify => "clarify",
        AnswerKind.Fallback => "fallback",
        AnswerKind.OutOfScope => "out_of_scope",
        AnswerKind.SmallTalk => "small_talk",
        AnswerKind.LostThread => "lost_thread",
        _ => "other",
    };
}
