using ChatBot.Core.Bot;
using ChatBot.Core.Dialogs;
using ChatBot.Web.Scaling;
using ChatBot.Web.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.DependencyInjection; // where AddXxx extensions live, so Program.cs needs no extra using

/// <summary>
/// Instruments the bot (turn spans, latency, answers by intent, fallbacks, auth failures) and, only when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, exports them with OTLP; otherwise no OpenTelemetry SDK runs at all.
/// </summary>
public static class TelemetryExtensions
{
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Call after everything else is registered: it wraps the registered turn handler and answerer.</summary>
    public static WebApplicationBuilder AddChatBotTelemetry(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddMetrics();
        services.AddSingleton<ChatBotTelemetry>();
        services.AddSingleton<IStartupFilter, AuthFailureCounting>();
        services.Decorate<IBot>((sp, inner) => new InstrumentedBot(inner(), sp.GetRequiredService<ChatBotTelemetry>()));
        services.Decorate<IQuestionAnswerer>((sp, inner) => new InstrumentedAnswerer(inner(), sp.GetRequiredService<ChatBotTelemetry>()));

        if (string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointSetting]))
        {
            return builder;
        }
        // The exporter reads OTEL_EXPORTER_OTLP_* (endpoint, protocol, headers) and OTEL_SERVICE_NAME itself.
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName: "chatbot"))
            .WithTracing(tracing => tracing
                .AddSource(ChatBotTelemetry.Name, "Microsoft.AspNetCore", "System.Net.Http")
                .AddOtlpExporter())
            .WithMetrics(metrics => metrics
                .AddMeter(ChatBotTelemetry.Name, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http", "System.Runtime")
                .AddOtlpExporter());
        return builder;
    }
}
