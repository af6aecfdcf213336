using System.Buffers.Text;
using System.Security.Cryptography;
using ChatBot.Web.DirectLine;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ChatBot.Web.Scaling;

/// <summary>
/// With Redis and no <c>DirectLine:TokenSigningKey</c>, gives every instance the same token key: the first instance
/// stores a random one in Redis and the others read it, so a token issued by one instance is accepted by all.
/// </summary>
internal sealed class SharedDirectLineSigningKey(IOptions<ScaleOutOptions> scaleOut, IServiceProvider services, ILogger<SharedDirectLineSigningKey> logger)
    : IPostConfigureOptions<DirectLineOptions>
{
    public const string Key = "directline-token-signing-key";

    public void PostConfigure(string? name, DirectLineOptions options)
    {
        if (!scaleOut.Value.UsesRedis || options.TokenSigningKey.Length > 0)
        {
            return;
        }
        try
        {
            var db = services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
            var key = scaleOut.Value.RedisKeyPrefix + Key;
            db.StringSet(key, Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)), when: When.NotExists);
            options.TokenSigningKey = (string?)db.StringGet(key) ?? "";
        }
        catch (Exception ex) when (RedisFailure.IsUnavailable(ex))
        {
            // Still serve: this instance signs with its own random key, and its tokens work only here until a restart.
            logger.LogError(ex, "Redis is unreachable at start and DirectLine:TokenSigningKey is not set: this instance's Direct Line tokens are not accepted by other instances");
        }
    }
}
