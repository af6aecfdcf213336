using System.Net;

namespace ChatBot.Web.Auth;

/// <summary>
/// Decides whether a service URL points at this machine. The URL is parsed, never string-matched, so look-alikes
/// such as <c>127.0.0.1.nip.io</c>, <c>localhost.evil.example</c> or <c>127.0.0.1@evil.example</c> are refused.
/// </summary>
public static class LoopbackUrl
{
    public static bool IsLoopback(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return false;
        }
        if ((uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || uri.UserInfo.Length > 0)
        {
            return false;
        }
        return uri.HostNameType switch
        {
            UriHostNameType.Dns => string.Equals(uri.IdnHost, "localhost", StringComparison.OrdinalIgnoreCase),
            UriHostNameType.IPv4 => IPAddress.TryParse(uri.Host, out var v4) && v4.GetAddressBytes()[0] == 127,
            UriHostNameType.IPv6 => IPAddress.TryParse(uri.Host, out var v6) && v6.Equals(IPAddress.IPv6Loopback),
            _ => false,
        };
    }
}
