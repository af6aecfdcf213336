using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace ChatBot.Web.DirectLine;

/// <summary>
/// Issues and checks the Direct Line tokens: compact JWS (HS256) binding one conversation and one user id until an
/// expiry, so Web Chat can read its user id from the token as it does with Direct Line's own tokens. Each token has
/// its own random <c>jti</c>, so two issued in the same second (a refresh) differ and each lives to its own expiry.
/// </summary>
/// <remarks>
/// Checked synchronously with the BCL's HMAC so the rate limiter can partition on the verified conversation before
/// the endpoint runs. The header must be byte-for-byte the one this class writes: <c>alg: none</c>, other algorithms
/// and re-encoded headers are refused as forged.
/// </remarks>
public sealed class DirectLineTokens
{
    public const int MinKeyLength = 32;
    private const int MaxTokenLength = 2048;
    private const string Issuer = "chatbot/directline";
    private static readonly byte[] Header = """{"alg":"HS256","typ":"JWT"}"""u8.ToArray();
    private static readonly string EncodedHeader = Base64Url.EncodeToString(Header);

    private readonly byte[] _key;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _lifetime;

    public DirectLineTokens(IOptions<DirectLineOptions> options, TimeProvider clock, ILogger<DirectLineTokens> logger)
    {
        _clock = clock;
        _lifetime = TimeSpan.FromSeconds(options.Value.TokenLifetimeSeconds);
        var configured = options.Value.TokenSigningKey;
        if (configured.Length == 0)
        {
            _key = RandomNumberGenerator.GetBytes(32);
            logger.LogInformation("DirectLine:TokenSigningKey is not set: Direct Line tokens are signed with a random key and do not survive a restart");
        }
        else
        {
            _key = Encoding.UTF8.GetBytes(configured);
        }
    }

    /// <summary>A token for the conversation and user, valid from now for the configured lifetime.</summary>
    public IssuedToken Issue(string conversationId, string userId)
    {
        // Whole seconds, as JWT NumericDate: the token is refused from exactly the second it names.
        var issuedAt = _clock.GetUtcNow().ToUnixTimeSeconds();
        var expires = issuedAt + (long)_lifetime.TotalSeconds;
        var payload = new TokenPayload(Issuer, conversationId, userId, issuedAt, expires, Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16)));
        var body = EncodedHeader + "." + Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(payload, DirectLineJson.Default.TokenPayload));
        var token = body + "." + Base64Url.EncodeToString(Sign(body));
        return new IssuedToken(conversationId, token, (int)_lifetime.TotalSeconds);
    }

    /// <summary>Checks an Authorization header: 401 for missing, malformed or forged, 403 for expired.</summary>
    public TokenCheck Check(string? authorization)
    {
        if (string.IsNullOrWhiteSpace(authorization))
        {
            return TokenCheck.Fail(TokenFailure.Missing);
        }
        if (authorization.Length > MaxTokenLength || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return TokenCheck.Fail(TokenFailure.Malformed);
        }
        var token = authorization.AsSpan(7).Trim();
        var firstDot = token.IndexOf('.');
        var lastDot = token.LastIndexOf('.');
        if (firstDot <= 0 || lastDot == firstDot || token[(firstDot + 1)..lastDot].Contains('.'))
        {
            return TokenCheck.Fail(TokenFailure.Malformed);
        }
        if (!token[..firstDot].SequenceEqual(EncodedHeader))
        {
            return TokenCheck.Fail(TokenFailure.Forged);
        }
        // IsValid first: TryDecodeFromChars throws, rather than answering false, on a truncated or non-base64url signature.
        var encodedSignature = token[(lastDot + 1)..];
        Span<byte> signature = stackalloc byte[64];
        if (!Base64Url.IsValid(encodedSignature, out var decodedLength) || decodedLength != HMACSHA256.HashSizeInBytes
            || !Base64Url.TryDecodeFromChars(encodedSignature, signature, out var signatureLength) || signatureLength != HMACSHA256.HashSizeInBytes)
        {
            return TokenCheck.Fail(TokenFailure.Forged);
        }
        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(token[..lastDot].ToString()), expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, signature[..signatureLength]))
        {
            return TokenCheck.Fail(TokenFailure.Forged);
        }

        TokenPayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize(Base64Url.DecodeFromChars(token[(firstDot + 1)..lastDot]), DirectLineJson.Default.TokenPayload);
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            payload = null;
        }
        if (payload is not { Iss: Issuer, Conv.Length: > 0, User.Length: > 0, Exp: > 0 })
        {
            return TokenCheck.Fail(TokenFailure.Malformed);
        }
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(payload.Exp);
        return _clock.GetUtcNow() >= expiresAt
            ? TokenCheck.Fail(TokenFailure.Expired)
            : new TokenCheck(new DirectLineCaller(payload.Conv, payload.User, expiresAt), TokenFailure.None);
    }

    private byte[] Sign(string body) => HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(body));
}

/// <summary>The claims of a Direct Line token (JWT names; <c>user</c> is what Web Chat reads; <c>jti</c> makes each token unique).</summary>
public sealed record TokenPayload(string Iss, string Conv, string User, long Iat, long Exp, string? Jti = null);

/// <summary>A freshly issued token, as Direct Line's token and conversation answers carry it.</summary>
public sealed record IssuedToken(string ConversationId, string Token, int ExpiresIn);

/// <summary>Who a verified token speaks for: one conversation, one user, until the expiry.</summary>
public sealed record DirectLineCaller(string ConversationId, string UserId, DateTimeOffset ExpiresAt);

/// <summary>Why a token was refused.</summary>
public enum TokenFailure
{
    None,
    Missing,
    Malformed,
    Forged,
    Expired,
}

/// <summary>The outcome of checking a token: the caller, or the failure and the status Direct Line answers it with.</summary>
public sealed record TokenCheck(DirectLineCaller? Caller, TokenFailure Failure)
{
    public static TokenCheck Fail(TokenFailure failure) => new(null, failure);

    /// <summary>DirectLineJS reads 403 as "expired, refresh"; everything else wrong with a token is 401.</summary>
    public int StatusCode => Failure == TokenFailure.Expired ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
}
