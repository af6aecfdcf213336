using ChatBot.Core.Protocol;
using ChatBot.Web.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatBot.Web.Auth;

/// <summary>
/// Decides whether an inbound activity may be processed, as the SDK's JwtTokenValidation does: a presented
/// Authorization header is always validated; only a request without one, to a bot without an app id, with a loopback
/// service URL, is anonymous. With an app id a token is either the Emulator's (recognised by its Entra ID issuer:
/// signature, lifetime, audience and <c>appid</c>/<c>azp</c> = the app id) or a channel's (signature, issuer,
/// audience, lifetime, algorithm, signing-key endorsement and <c>serviceurl</c> claim).
/// </summary>
public sealed class BotFrameworkAuthentication(
    IOptions<BotCredentials> credentials,
    IOptions<BotFrameworkOptions> options,
    [FromKeyedServices(OpenIdKeyCache.Channel)] OpenIdKeyCache channelKeys,
    [FromKeyedServices(OpenIdKeyCache.Emulator)] OpenIdKeyCache emulatorKeys,
    TimeProvider clock)
{
    private const int MaxTokenLength = 16 * 1024;
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];
    private readonly JsonWebTokenHandler _handler = new() { MaximumTokenSizeInBytes = MaxTokenLength };
    private readonly EmulatorIssuers _emulatorIssuers = new(credentials.Value.MicrosoftAppTenantId);

    public bool IsAnonymous => credentials.Value.IsAnonymous;

    /// <summary>
    /// A cheap first check before the body is read: with an app id a Bearer header must be present; without one a
    /// header may not be present at all (there is no app id a token could have been issued for).
    /// </summary>
    public AuthenticationResult? PrecheckHeader(string? authorizationHeader)
    {
        if (IsAnonymous)
        {
            return string.IsNullOrEmpty(authorizationHeader) ? null : NoAppIdForHeader;
        }
        return TryReadBearer(authorizationHeader, out _) ? null : AuthenticationResult.Fail("missing or malformed Authorization header");
    }

    private static readonly AuthenticationResult NoAppIdForHeader =
        AuthenticationResult.Fail("an Authorization header was presented but no MicrosoftAppId is configured: no token can be valid for this bot");

    public async Task<AuthenticationResult> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken)
    {
        if (IsAnonymous)
        {
            if (!string.IsNullOrEmpty(authorizationHeader))
            {
                // The SDK validates any header it is given; with no app id no audience can match, so it never validates.
                return NoAppIdForHeader;
            }
            // Without credentials the bot may only talk back to this machine: anything else would make it an open proxy.
            return activity.ServiceUrl is null || LoopbackUrl.IsLoopback(activity.ServiceUrl)
                ? AuthenticationResult.Anonymous
                : AuthenticationResult.Fail("anonymous requests must use a loopback serviceUrl");
        }
        if (!TryReadBearer(authorizationHeader, out var token))
        {
            return AuthenticationResult.Fail("missing or malformed Authorization header");
        }
        try
        {
            return _emulatorIssuers.VersionOf(UnverifiedIssuer(token)) is { } version
                ? await AuthenticateEmulatorAsync(token, version, cancellationToken).ConfigureAwait(false)
                : await AuthenticateChannelAsync(token, activity, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or InvalidOperationException
                                   || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // No keys, no trust: a request that cannot be verified is refused, never answered with a server error.
            return AuthenticationResult.Fail($"signing keys unavailable: {ex.GetType().Name}");
        }
    }

    private async Task<AuthenticationResult> AuthenticateChannelAsync(string token, Activity activity, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(activity.ChannelId))
        {
            return AuthenticationResult.Fail("activity has no channelId to check the key endorsement against");
        }
        var (result, keys) = await ValidateAsync(token, channelKeys, options.Value.EffectiveIssuers, cancellationToken).ConfigureAwait(false);
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

    /// <summary>
    /// The Emulator's token, requested from Entra ID with the bot's own app id and password: it proves the sender holds
    /// the bot's credentials, so no endorsement or serviceurl claim is asked for (the SDK's EmulatorValidation).
    /// </summary>
    private async Task<AuthenticationResult> AuthenticateEmulatorAsync(string token, EmulatorTokenVersion version, CancellationToken cancellationToken)
    {
        var (result, _) = await ValidateAsync(token, emulatorKeys, _emulatorIssuers.All, cancellationToken).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return AuthenticationResult.Fail($"emulator token rejected: {result.Exception?.GetType().Name ?? "invalid"}");
        }
        var (expectedVersion, appIdClaim) = version == EmulatorTokenVersion.V1 ? ("1.0", "appid") : ("2.0", "azp");
        var ver = result.ClaimsIdentity.FindFirst("ver")?.Value;
        if (ver != expectedVersion)
        {
            return AuthenticationResult.Fail($"emulator token from a v{expectedVersion[0]} issuer must have ver '{expectedVersion}'");
        }
        var appId = result.ClaimsIdentity.FindFirst(appIdClaim)?.Value;
        if (!string.Equals(appId, credentials.Value.MicrosoftAppId, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticationResult.Fail($"emulator token's '{appIdClaim}' claim is not this bot's app id");
        }
        return AuthenticationResult.Verified;
    }

    /// <summary>Validates against the key set, refetching it once for an unknown kid (rate-limited by the cache).</summary>
    private async Task<(TokenValidationResult Result, IReadOnlyDictionary<string, OpenIdKeyCache.EndorsedKey> Keys)> ValidateAsync(
        string token, OpenIdKeyCache cache, IEnumerable<string> issuers, CancellationToken cancellationToken)
    {
        var keys = await cache.GetKeysAsync(cancellationToken).ConfigureAwait(false);
        var result = await ValidateAsync(token, keys, issuers).ConfigureAwait(false);
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException && await cache.TryRefreshForUnknownKeyAsync(cancellationToken).ConfigureAwait(false))
        {
            keys = await cache.GetKeysAsync(cancellationToken).ConfigureAwait(false);
            result = await ValidateAsync(token, keys, issuers).ConfigureAwait(false);
        }
        return (result, keys);
    }

    private Task<TokenValidationResult> ValidateAsync(string token, IReadOnlyDictionary<string, OpenIdKeyCache.EndorsedKey> keys, IEnumerable<string> issuers)
    {
        var parameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuers = issuers,
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

    /// <summary>The issuer a token claims, read without trusting it, only to pick the validation path; null when unreadable.</summary>
    private string? UnverifiedIssuer(string token)
    {
        try
        {
            return _handler.CanReadToken(token) ? _handler.ReadJsonWebToken(token).Issuer : null;
        }
        catch (ArgumentException)
        {
            return null; // malformed: the channel path refuses it with the validator's reason
        }
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
