namespace ChatBot.Web.Auth;

/// <summary>The outcome of checking an inbound request: allowed, or refused with a reason safe to log (never the token).</summary>
public sealed record AuthenticationResult(bool IsAuthenticated, string? Failure)
{
    public static readonly AuthenticationResult Anonymous = new(true, null);
    public static readonly AuthenticationResult Verified = new(true, null);

    public static AuthenticationResult Fail(string reason) => new(false, reason);
}
