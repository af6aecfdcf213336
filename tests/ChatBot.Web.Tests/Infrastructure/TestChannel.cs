using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatBot.Web.Tests.Infrastructure;

/// <summary>
/// A stand-in for the Bot Framework token service on loopback: it serves OpenID metadata and a JWKS whose keys carry
/// channel endorsements, and signs tokens with its private keys, so the bot's real validation path runs end to end.
/// </summary>
public sealed class TestChannel : IAsyncDisposable
{
    public const string AppId = "5a1f3a8e-0a39-4f0a-9a3c-1b2c3d4e5f60";
    public const string Issuer = "https://api.botframework.com";

    private readonly LoopbackServer _server;
    private volatile List<(RsaSecurityKey Key, string[] Endorsements)> _published = [];

    public RsaSecurityKey SigningKey { get; private set; }

    public int JwksFetches => _server.Requests.Count(r => r.RawPath.Contains("jwks", StringComparison.Ordinal));

    public string MetadataUrl => $"{_server.BaseUrl}/.well-known/openidconfiguration";

    private TestChannel(LoopbackServer server, RsaSecurityKey key)
    {
        _server = server;
        SigningKey = key;
    }

    public static async Task<TestChannel> StartAsync()
    {
        TestChannel? channel = null;
        var server = await LoopbackServer.StartAsync(context => channel!.ServeAsync(context));
        channel = new TestChannel(server, NewKey("key-1"));
        channel.Publish((channel.SigningKey, ["emulator", "msteams", "webchat", "test"]));
        return channel;
    }

    public static RsaSecurityKey NewKey(string kid) => new(RSA.Create(2048)) { KeyId = kid };

    /// <summary>Replaces the published key set (a key rotation).</summary>
    public void Publish(params (RsaSecurityKey Key, string[] Endorsements)[] keys) => _published = keys.ToList();

    public void UseSigningKey(RsaSecurityKey key) => SigningKey = key;

    /// <summary>Settings that point the bot at this channel.</summary>
    public Dictionary<string, string?> BotSettings() => new()
    {
        ["MicrosoftAppId"] = AppId,
        ["MicrosoftAppPassword"] = "test-secret",
        ["BotFramework:OpenIdMetadataUrl"] = MetadataUrl,
    };

    public string Token(
        string serviceUrl,
        string? audience = AppId,
        string issuer = Issuer,
        DateTime? expires = null,
        DateTime? notBefore = null,
        bool withExpiry = true,
        SigningCredentials? credentials = null)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now.AddMinutes(-1),
            NotBefore = notBefore ?? now.AddMinutes(-1),
            Expires = withExpiry ? expires ?? now.AddMinutes(30) : null,
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl, ["appid"] = "channel-app" },
            SigningCredentials = credentials ?? new SigningCredentials(SigningKey, SecurityAlgorithms.RsaSha256),
        };
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = withExpiry };
        return handler.CreateToken(descriptor);
    }

    /// <summary>
    /// A token as Entra ID issues it to the Bot Framework Emulator for the bot's app id: no serviceurl, the app id in
    /// <c>appid</c> (ver 1.0) or <c>azp</c> (ver 2.0). Null values leave a claim out.
    /// </summary>
    public string EntraToken(string issuer, string? ver, string? appid = null, string? azp = null, string audience = AppId, DateTime? expires = null)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object>();
        foreach (var (name, value) in new[] { ("ver", ver), ("appid", appid), ("azp", azp), ("tid", issuer.Split('/')[3]) })
        {
            if (value is not null)
            {
                claims[name] = value;
            }
        }
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = (expires ?? now.AddMinutes(30)).AddMinutes(-60),
            NotBefore = (expires ?? now.AddMinutes(30)).AddMinutes(-60),
            Expires = expires ?? now.AddMinutes(30),
            Claims = claims,
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    private Task ServeAsync(HttpContext context)
    {
        context.Response.ContentType = "application/json";
        if (context.Request.Path.Value!.Contains("jwks", StringComparison.Ordinal))
        {
            var keys = _published.Select(p =>
            {
                var parameters = p.Key.Rsa.ExportParameters(false);
                return new Dictionary<string, object>
                {
                    ["kty"] = "RSA",
                    ["use"] = "sig",
                    ["kid"] = p.Key.KeyId,
                    ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                    ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                    ["endorsements"] = p.Endorsements,
                };
            });
            return context.Response.WriteAsync(JsonSerializer.Serialize(new { keys }));
        }
        return context.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["jwks_uri"] = $"{_server.BaseUrl}/keys/jwks",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
