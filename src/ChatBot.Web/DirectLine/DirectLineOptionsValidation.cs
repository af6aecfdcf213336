using Microsoft.Extensions.Options;

namespace ChatBot.Web.DirectLine;

/// <summary>Checks the Direct Line settings at start, naming the key of each bad value.</summary>
public sealed class DirectLineOptionsValidation : IValidateOptions<DirectLineOptions>
{
    public ValidateOptionsResult Validate(string? name, DirectLineOptions options)
    {
        var errors = new List<string>();
        if (options.TokenSigningKey.Length is > 0 and < DirectLineTokens.MinKeyLength)
        {
            errors.Add($"DirectLine:TokenSigningKey must be at least {DirectLineTokens.MinKeyLength} characters (or empty for a random key per start).");
        }
        Range(errors, "TokenLifetimeSeconds", options.TokenLifetimeSeconds, 60, 86_400);
        Range(errors, "MaxActivityBytes", options.MaxActivityBytes, 1024, 1024 * 1024);
        Range(errors, "MaxConversations", options.MaxConversations, 1, 1_000_000);
        Range(errors, "MaxActivitiesPerConversation", options.MaxActivitiesPerConversation, 10, 100_000);
        Range(errors, "MaxConversationBytes", options.MaxConversationBytes, options.MaxActivityBytes, 64 * 1024 * 1024);
        Range(errors, "ConversationIdleMinutes", options.ConversationIdleMinutes, 1, 7 * 24 * 60);
        Range(errors, "PostsPerMinute", options.PostsPerMinute, 1, 100_000);
        Range(errors, "ReadsPerMinute", options.ReadsPerMinute, 1, 100_000);
        Range(errors, "TokensPerMinute", options.TokensPerMinute, 1, 100_000);
        Range(errors, "MaxPageSize", options.MaxPageSize, 1, 1000);
        if (string.IsNullOrWhiteSpace(options.BotId))
        {
            errors.Add("DirectLine:BotId must not be empty.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Range(List<string> errors, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add($"DirectLine:{key} must be between {min} and {max} (got {value}).");
        }
    }
}
