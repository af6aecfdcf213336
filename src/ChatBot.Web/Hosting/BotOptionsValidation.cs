using ChatBot.Web.Auth;
using Microsoft.Extensions.Options;

namespace ChatBot.Web.Hosting;

/// <summary>Checks the bot's configuration at start, so a bad value stops the host with a message that names the key.</summary>
public sealed class BotOptionsValidation : IValidateOptions<BotFrameworkOptions>, IValidateOptions<BotCredentials>
{
    public ValidateOptionsResult Validate(string? name, BotFrameworkOptions options)
    {
        var errors = new List<string>();
        CheckMetadataUrl(errors, "BotFramework:OpenIdMetadataUrl", options.OpenIdMetadataUrl);
        CheckMetadataUrl(errors, "BotFramework:EmulatorOpenIdMetadataUrl", options.EmulatorOpenIdMetadataUrl);
        if (options.MaxBodyBytes is < 1024 or > 16 * 1024 * 1024)
        {
            errors.Add($"BotFramework:MaxBodyBytes must be between 1024 and 16777216 (got {options.MaxBodyBytes}).");
        }
        if (options.ConnectorTimeoutSeconds is < 1 or > 120)
        {
            errors.Add($"BotFramework:ConnectorTimeoutSeconds must be between 1 and 120 (got {options.ConnectorTimeoutSeconds}).");
        }
        if (options.ConnectorRetries is < 0 or > 5)
        {
            errors.Add($"BotFramework:ConnectorRetries must be between 0 and 5 (got {options.ConnectorRetries}).");
        }
        if (options.KeyRefreshMinSeconds is < 1 or > 86_400 || options.KeyCacheHours is < 1 or > 168)
        {
            errors.Add("BotFramework:KeyRefreshMinSeconds must be 1..86400 and BotFramework:KeyCacheHours 1..168.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckMetadataUrl(List<string> errors, string key, string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var metadata) || (metadata.Scheme != Uri.UriSchemeHttps && metadata.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add($"{key} must be an absolute http(s) URL (got '{value}').");
        }
        else if (metadata.Scheme == Uri.UriSchemeHttp && !LoopbackUrl.IsLoopback(value))
        {
            errors.Add($"{key} must use https unless it points at this machine (loopback).");
        }
    }

    public ValidateOptionsResult Validate(string? name, BotCredentials options)
    {
        if (!options.IsAnonymous && string.IsNullOrWhiteSpace(options.MicrosoftAppPassword))
        {
            return ValidateOptionsResult.Fail("MicrosoftAppPassword is required when MicrosoftAppId is set (the bot needs it to sign its replies).");
        }
        if (!options.IsAnonymous && !Guid.TryParse(options.MicrosoftAppId, out _))
        {
            return ValidateOptionsResult.Fail($"MicrosoftAppId must be a GUID (the app registration's id), got '{options.MicrosoftAppId}'.");
        }
        return ValidateOptionsResult.Success;
    }
}
