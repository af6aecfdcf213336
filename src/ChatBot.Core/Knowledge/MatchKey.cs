using System.Text;

namespace ChatBot.Core.Knowledge;

/// <summary>
/// The "match key" of a text, as docs/facts-format.md defines it: lower case, letters and digits only, so hard line
/// breaks, ligature splits ("offi cial") and line-end hyphens ("sec-\nond") do not stop a quote from matching.
/// </summary>
public static class MatchKey
{
    public static string Of(string text)
    {
        var key = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (IsKept(c))
            {
                key.Append(char.ToLowerInvariant(c));
            }
        }
        return key.ToString();
    }

    /// <summary>Whether a character survives into the key.</summary>
    public static bool IsKept(char c) => char.IsLetterOrDigit(c);
}
