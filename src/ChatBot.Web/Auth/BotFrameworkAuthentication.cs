using System.Security.Claims;
using ChatBot.Core.Protocol;
using ChatBot.Web.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatBot.Web.Auth;

/// <summary>
/// Decides whether an inbound activity may be processed, as the SDK's BotFrameworkAuthentication does: with no app
/// id, only loopback service URLs; with one, a channel-signed JWT whose audience, issuer, lifetime, algorithm,
/// signing-key endorsement and <c>serviceurl</c> claim all match.
/// </summary>
public sealed class BotFrameworkAuthentication(
    IOptions<BotCredentials> credentials,
    IOptions<BotFrameworkOptions> options,
    OpenIdKeyCache keyCache,
    TimeProvider clock)
{
    private const int MaxTokenLength = 16 * 1024;
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];
    private readonly JsonWebTokenHandler _handler = new() { MaximumTokenSizeInBytes = MaxTokenLength };

    public bool IsAnonymous => credentials.Value.IsAnonymous;

    /// <summary>A cheap first check before the body is read: with an app id, a Bearer header must be present.</summary>
    public AuthenticationResult? PrecheckHeader(string? authorizationHeader)
    {
        if (IsAnonymous)
        {
            return null;
        }
        return TryReadBearer(authorizationHeader, out _) ? null : AuthenticationResult.Fail("missing or malformed Authorization header");
    }

    public async Task<AuthenticationResult> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken)
    {
        if (IsAnonymous)
        {
            // Without credentials the bot may only talk back to this machine: anything else would make it an open proxy.
            return activity.ServiceUrl is null || LoopbackUrl.IsLoopback(activity.ServiceUrl)
                ? AuthenticationResult.Anonymous
                : AuthenticationResult.Fail("anonymous requests must use a loopback serviceUrl");
        }
        if (!TryReadBearer(authorizationHeader, out var token))
        {
            return AuthenticationResult.Fail("missing or malformed Authorization header");
        }
        if (string.IsNullOrWhiteSpace(activity.ChannelId))
        {
            return AuthenticationResult.Fail("activity has no channelId to check the key endorsement against");
        }

        IReadOnlyDictionary<string, OpenIdKeyCache.EndorsedKey> keys;
        TokenValidationResult result;
        try
        {
            keys = await keyCache.GetKeysAsync(cancellationToken).ConfigureAwait(false);
            result = await ValidateAsync(token, keys, cancellationToken).ConfigureAwait(false);
            if (result.Exception is SecurityTokenSignatureKeyNotFoundException && await keyCache.TryRefreshForUnknownKeyAsync(cancellationToken).ConfigureAwait(false))
            {
                keys = await keyCache.GetKeysAsync(cancellationToken).ConfigureAwait(false);
                result = await ValidateAsync(token, keys, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or InvalidOperationException
                                   || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // No keys, no trust: a request that cannot be verified is refused, never answered with a server error.
            return AuthenticationResult.Fail($"signing keys unavailable: {ex.GetType().Name}");
        }
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
        {
            return AuthenticationResult.Fail($"token rejected: {result.Exception?.GetType().Name ?? "invalid"}");
        }
        if (!keys.TryGetValue(jwt.Kid, out var key) || !key.Endorsements.Contains(activity.ChannelId))
        {
            return AuthenticationResult.Fail("signing key is not endorsed for the activity's channel");
        }
        var serviceUrlClaim = result.ClaimsIdentity.FindFirst("serviceurl")?.Value;
        if (serviceUrlClaim is null || activity.ServiceUrl is null || !SameServiceUrl(serviceUrlClaim, activity.ServiceUrl))
        {
            return AuthenticationResult.Fail("serviceurl claim does not match the activity's serviceUrl");
        }
        return AuthenticationResult.Verified;
    }

    private Task<TokenValidationResult> ValidateAsync(string token, IReadOnlyDictionary<string, OpenIdKeyCache.EndorsedKey> keys, CancellationToken cancellationToken)
    {
        var parameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuers = options.Value.EffectiveIssuers,
            ValidateAudience = true,
            ValidAudience = credentials.Value.MicrosoftAppId,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = TimeSpan.FromMinutes(5),
            ValidAlgorithms = Algorithms,
            ValidateIssuerSigningKey = true,
            IssuerSigningKeys = keys.Values.Select(k => k.Key).ToList(),
            TryAllIssuerSigningKeys = false,
            LifetimeValidator = LifetimeOnOurClock,
        };
        return _handler.ValidateTokenAsync(token, parameters);
    }

    private bool LifetimeOnOurClock(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (expires is null || expires.Value.ToUniversalTime() + parameters.ClockSkew < now)
        {
            return false;
        }
        return notBefore is null || notBefore.Value.ToUniversalTime() - parameters.ClockSkew <= now;
    }

    private static bool SameServiceUrl(string a, string b) =>
        string.Equals(a.TrimEnd('/'), b.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    private static bool TryReadBearer(string? header, out string token)
    {
        token = "";
        if (string.IsNullOrEmpty(header) || header.Length > MaxTokenLength + 7 || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        token = header[7..].Trim();
        // A compact JWS has exactly three dot-separated parts.
        return token.Length > 0 && token.Count(c => c == '.') == 2;
    }
}
