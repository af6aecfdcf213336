namespace ChatBot.Web.Hosting;

/// <summary>The "BotFramework" configuration section: token validation and the Connector client.</summary>
public sealed class BotFrameworkOptions
{
    public const string Section = "BotFramework";

    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public List<string> ValidIssuers { get; set; } = [];

    /// <summary>Where Entra ID publishes the keys that sign the Emulator's tokens (used only with an app id).</summary>
    public string EmulatorOpenIdMetadataUrl { get; set; } = "https://login.microsoftonline.com/botframework.com/v2.0/.well-known/openid-configuration";
    public int MaxBodyBytes { get; set; } = 256 * 1024;
    public int ConnectorTimeoutSeconds { get; set; } = 10;
    public int ConnectorRetries { get; set; } = 2;

    /// <summary>Unknown signing key ids trigger a key-set refetch at most this often.</summary>
    public int KeyRefreshMinSeconds { get; set; } = 300;

    /// <summary>Signing keys are refetched after this long even when every kid is known.</summary>
    public int KeyCacheHours { get; set; } = 24;

    /// <summary>The channel issuer, used when <see cref="ValidIssuers"/> is empty.</summary>
    public IReadOnlyList<string> EffectiveIssuers => ValidIssuers.Count > 0 ? ValidIssuers : ["https://api.botframework.com"];
}
