using System.Diagnostics;
using ChatBot.Core.Dialogs;

namespace ChatBot.Web.Telemetry;

/// <summary>Counts each answer by intent and kind, and tags the turn's span with them.</summary>
internal sealed class InstrumentedAnswerer(IQuestionAnswerer inner, ChatBotTelemetry telemetry) : IQuestionAnswerer
{
    public async Task<BotAnswer> AnswerAsync(string conversationId, string text, CancellationToken cancellationToken)
    {
        var answer = await inner.AnswerAsync(conversationId, text, cancellationToken).ConfigureAwait(false);
        telemetry.RecordAnswer(answer);
        if (Activity.Current is { } span && span.Source == telemetry.Traces)
        {
            span.SetTag("chatbot.intent", answer.Intent);
            span.SetTag("chatbot.answer.kind", answer.Kind.ToString());
            span.SetTag("chatbot.citations", answer.Citations.Count);
        }
        return answer;
    }

    public Task<BotAnswer?> WelcomeAsync(string conversationId, CancellationToken cancellationToken) => inner.WelcomeAsync(conversationId, cancellationToken);
}
