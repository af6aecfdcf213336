namespace ChatBot.Web.DirectLine;

/// <summary>Checks a request's Direct Line token once and remembers the outcome, so the rate limiter and the endpoint agree.</summary>
public static class DirectLineAuthentication
{
    private static readonly object Key = new();

    public static TokenCheck CheckDirectLineToken(this HttpContext http)
    {
        if (http.Items.TryGetValue(Key, out var cached) && cached is TokenCheck check)
        {
            return check;
        }
        var tokens = http.RequestServices.GetRequiredService<DirectLineTokens>();
        check = tokens.Check(http.Request.Headers.Authorization.ToString());
        http.Items[Key] = check;
        return check;
    }
}
