namespace ChatBot.Web.Auth;

/// <summary>
/// The issuers that mark a token as the Bot Framework Emulator's: Entra ID's v1 or v2 endpoint, for a Bot Framework
/// tenant or, when the bot is single-tenant, for its own tenant. Such a token has no <c>serviceurl</c> claim and no
/// channel endorsement; the app id it was requested with is in <c>appid</c> (v1) or <c>azp</c> (v2).
/// </summary>
public sealed class EmulatorIssuers
{
    /// <summary>The tenants the Emulator's tokens come from for a multi-tenant bot (the SDK's "Auth v3.1" and "v3.2").</summary>
    public static readonly IReadOnlyList<string> BotFrameworkTenants = ["d6d49420-f39b-4df7-a1dc-d59a935871db", "f8cdef31-a31e-4b4a-93e4-5f571e91255a"];

    private readonly Dictionary<string, EmulatorTokenVersion> _versions = new(StringComparer.Ordinal);

    public EmulatorIssuers(string? tenantId)
    {
        IEnumerable<string> tenants = string.IsNullOrWhiteSpace(tenantId) ? BotFrameworkTenants : [.. BotFrameworkTenants, tenantId.Trim()];
        foreach (var tenant in tenants)
        {
            _versions[V1(tenant)] = EmulatorTokenVersion.V1;
            _versions[V2(tenant)] = EmulatorTokenVersion.V2;
        }
    }

    public static string V1(string tenant) => $"https://sts.windows.net/{tenant}/";

    public static string V2(string tenant) => $"https://login.microsoftonline.com/{tenant}/v2.0";

    public IReadOnlyCollection<string> All => _versions.Keys;

    /// <summary>The token version an Emulator issuer stands for, or null when the issuer is not the Emulator's.</summary>
    public EmulatorTokenVersion? VersionOf(string? issuer) =>
        issuer is not null && _versions.TryGetValue(issuer, out var version) ? version : null;
}

/// <summary>Entra ID's two token formats, which name the requesting app in different claims.</summary>
public enum EmulatorTokenVersion
{
    /// <summary><c>ver</c> "1.0": the app id is in <c>appid</c>.</summary>
    V1,

    /// <summary><c>ver</c> "2.0": the app id is in <c>azp</c> (authorized party).</summary>
    V2,
}
