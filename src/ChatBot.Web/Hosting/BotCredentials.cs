namespace ChatBot.Web.Hosting;

/// <summary>The bot's identity, bound from the root configuration keys with the SDK's names.</summary>
public sealed class BotCredentials
{
    public string MicrosoftAppId { get; set; } = "";
    public string MicrosoftAppPassword { get; set; } = "";
    public string MicrosoftAppTenantId { get; set; } = "";

    /// <summary>No app id: the local Emulator / test mode, where only loopback service URLs are accepted.</summary>
    public bool IsAnonymous => string.IsNullOrWhiteSpace(MicrosoftAppId);
}
