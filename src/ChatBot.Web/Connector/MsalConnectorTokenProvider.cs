using ChatBot.Web.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace ChatBot.Web.Connector;

/// <summary>
/// The bot's own token for the Connector API: OAuth client credentials of its app registration (MSAL caches and
/// renews it). With no app id configured, replies go out without a token.
/// </summary>
public sealed class MsalConnectorTokenProvider : IConnectorTokenProvider
{
    private const string BotFrameworkScope = "https://api.botframework.com/.default";
    private readonly IConfidentialClientApplication? _app;

    public MsalConnectorTokenProvider(IOptions<BotCredentials> credentials)
    {
        var value = credentials.Value;
        if (value.IsAnonymous)
        {
            return;
        }
        var tenant = string.IsNullOrWhiteSpace(value.MicrosoftAppTenantId) ? "botframework.com" : value.MicrosoftAppTenantId;
        _app = ConfidentialClientApplicationBuilder.Create(value.MicrosoftAppId)
            .WithClientSecret(value.MicrosoftAppPassword)
            .WithAuthority($"https://login.microsoftonline.com/{tenant}")
            .Build();
    }

    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_app is null)
        {
            return null;
        }
        var result = await _app.AcquireTokenForClient([BotFrameworkScope]).ExecuteAsync(cancellationToken).ConfigureAwait(false);
        return result.AccessToken;
    }
}
