using System.Text.Json;
using ChatBot.Web.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ChatBot.Web.Auth;

/// <summary>
/// One issuer's signing keys (the Bot Framework channels', or Entra ID's for the Emulator), read from its OpenID
/// metadata and JWKS and cached. An unknown key id may force a refetch, but at most once per
/// <see cref="BotFrameworkOptions.KeyRefreshMinSeconds"/>, so a flood of forged kids cannot turn the bot into a load
/// generator against the metadata host.
/// </summary>
public sealed class OpenIdKeyCache(string metadataUrl, IHttpClientFactory httpClients, IOptions<BotFrameworkOptions> options, TimeProvider clock, ILogger<OpenIdKeyCache> logger)
{
    /// <summary>The service key of the channels' key set (<see cref="BotFrameworkOptions.OpenIdMetadataUrl"/>).</summary>
    public const string Channel = "channel";

    /// <summary>The service key of the Emulator's key set (<see cref="BotFrameworkOptions.EmulatorOpenIdMetadataUrl"/>).</summary>
    public const string Emulator = "emulator";

    /// <summary>A signing key and the channel ids it is endorsed for.</summary>
    public sealed record EndorsedKey(SecurityKey Key, IReadOnlySet<string> Endorsements);

    private readonly SemaphoreSlim _fetchGate = new(1, 1);
    private volatile Dictionary<string, EndorsedKey>? _keys;
    private DateTimeOffset _fetchedAt = DateTimeOffset.MinValue;
    private DateTimeOffset _lastForcedFetch = DateTimeOffset.MinValue;

    /// <summary>How many times the metadata was fetched (for tests and diagnostics).</summary>
    public int FetchCount { get; private set; }

    public async Task<IReadOnlyDictionary<string, EndorsedKey>> GetKeysAsync(CancellationToken cancellationToken)
    {
        var keys = _keys;
        if (keys is not null && clock.GetUtcNow() - _fetchedAt < TimeSpan.FromHours(options.Value.KeyCacheHours))
        {
            return keys;
        }
        return await FetchAsync(force: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Refetches for an unknown kid, unless a forced fetch happened too recently; returns whether it fetched.</summary>
    public async Task<bool> TryRefreshForUnknownKeyAsync(CancellationToken cancellationToken)
    {
        if (clock.GetUtcNow() - _lastForcedFetch < TimeSpan.FromSeconds(options.Value.KeyRefreshMinSeconds))
        {
            return false;
        }
        await FetchAsync(force: true, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<Dictionary<string, EndorsedKey>> FetchAsync(bool force, CancellationToken cancellationToken)
    {
        await _fetchGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = clock.GetUtcNow();
            if (force ? now - _lastForcedFetch < TimeSpan.FromSeconds(options.Value.KeyRefreshMinSeconds)
                      : _keys is not null && now - _fetchedAt < TimeSpan.FromHours(options.Value.KeyCacheHours))
            {
                return _keys!; // another request fetched while this one waited
            }
            if (force)
            {
                _lastForcedFetch = now;
            }
            var url = metadataUrl;
            var retriever = new HttpDocumentRetriever(httpClients.CreateClient(nameof(OpenIdKeyCache))) { RequireHttps = !LoopbackUrl.IsLoopback(url) };
            var configuration = await OpenIdConnectConfigurationRetriever.GetAsync(url, retriever, cancellationToken).ConfigureAwait(false);
            var keys = new Dictionary<string, EndorsedKey>(StringComparer.Ordinal);
            foreach (var jwk in configuration.JsonWebKeySet?.Keys ?? [])
            {
                if (jwk.Kid is { Length: > 0 } kid)
                {
                    keys[kid] = new EndorsedKey(jwk, ReadEndorsements(jwk));
                }
            }
            FetchCount++;
            _keys = keys;
            _fetchedAt = now;
            logger.LogInformation("Fetched {KeyCount} signing keys from the OpenID metadata at {MetadataUrl}", keys.Count, url);
            return keys;
        }
        finally
        {
            _fetchGate.Release();
        }
    }

    private static HashSet<string> ReadEndorsements(JsonWebKey key)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (!key.AdditionalData.TryGetValue("endorsements", out var raw) || raw is null)
        {
            return set;
        }
        switch (raw)
        {
            case JsonElement { ValueKind: JsonValueKind.Array } array:
                foreach (var item in array.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.String)
                    {
                        set.Add(item.GetString()!);
                    }
                }
                break;
            case string single:
                set.Add(single);
                break;
            case System.Collections.IEnumerable items:
                foreach (var item in items)
                {
                    if (item?.ToString() is { Length: > 0 } text)
                    {
                        set.Add(text);
                    }
                }
                break;
        }
        return set;
    }
}
