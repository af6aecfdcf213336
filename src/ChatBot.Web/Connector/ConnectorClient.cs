using System.Net.Http.Headers;
using System.Net.Http.Json;
using ChatBot.Core.Protocol;

namespace ChatBot.Web.Connector;

/// <summary>
/// Sends the bot's activities to a channel's Connector API:
/// <c>POST {serviceUrl}/v3/conversations/{conversationId}/activities/{replyToId}</c>. Timeouts and retries come from
/// the resilience pipeline on its HttpClient.
/// </summary>
public sealed class ConnectorClient(HttpClient http, IConnectorTokenProvider tokens)
{
    public async Task<ResourceResponse?> SendToConversationAsync(Activity activity, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ReplyUri(activity))
        {
            Content = JsonContent.Create(activity, ProtocolJson.Default.Activity),
        };
        var token = await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        if (response.Content.Headers.ContentLength is 0)
        {
            return null;
        }
        try
        {
            return await response.Content.ReadFromJsonAsync(ProtocolJson.Default.ResourceResponse, cancellationToken).ConfigureAwait(false);
        }
        catch (System.Text.Json.JsonException)
        {
            return null; // the reply was delivered; a channel that answers without a body is not an error
        }
    }

    /// <summary>The Connector path, with each id escaped as one path segment and a trailing '/' on serviceUrl ignored.</summary>
    public static Uri ReplyUri(Activity activity)
    {
        var baseUrl = activity.ServiceUrl!.TrimEnd('/');
        var path = $"{baseUrl}/v3/conversations/{Uri.EscapeDataString(activity.Conversation!.Id!)}/activities";
        if (!string.IsNullOrEmpty(activity.ReplyToId))
        {
            path += "/" + Uri.EscapeDataString(activity.ReplyToId);
        }
        return new Uri(path, UriKind.Absolute);
    }
}
