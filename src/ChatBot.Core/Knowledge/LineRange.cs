using System.Globalization;

namespace ChatBot.Core.Knowledge;

/// <summary>A range of original (1-based) line numbers in a seed, written "14" or "41-44" in the fact store.</summary>
public readonly record struct LineRange(int First, int Last)
{
    public bool Contains(int line) => line >= First && line <= Last;

    public bool Overlaps(LineRange other) => First <= other.Last && other.First <= Last;

    public override string ToString() => First == Last
        ? First.ToString(CultureInfo.InvariantCulture)
        : $"{First.ToString(CultureInfo.InvariantCulture)}-{Last.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Parses "14", "41-44" or "41–44"; null when the text is not a valid ascending range.</summary>
    public static LineRange? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var parts = text.Split(['-', '–'], 2, StringSplitOptions.TrimEntries);
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var first) || first < 1)
        {
            return null;
        }
        var last = first;
        if (parts.Length == 2 && (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out last) || last < first))
        {
            return null;
        }
        return new LineRange(first, last);
    }
}
