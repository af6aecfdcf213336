namespace ChatBot.Core.Knowledge;

/// <summary>
/// One seed file as it is on disk (its original lines, for citations) and as its match key with a map from every key
/// character back to the line it came from, so a quote found in the key is cited by original line numbers.
/// </summary>
public sealed class SeedDocument
{
    private readonly string[] _lines;
    private readonly int[] _keyLine;      // key offset → 1-based line number
    private readonly int[] _lineKeyStart; // line number → first key offset of that line (index 0 unused; one past the end at [Count+1])

    public SeedDocument(string fileName, IReadOnlyList<string> lines)
    {
        FileName = fileName;
        _lines = [.. lines];
        var key = new System.Text.StringBuilder();
        var keyLine = new List<int>();
        _lineKeyStart = new int[_lines.Length + 2];
        for (var line = 1; line <= _lines.Length; line++)
        {
            _lineKeyStart[line] = key.Length;
            foreach (var c in _lines[line - 1])
            {
                if (MatchKey.IsKept(c))
                {
                    key.Append(char.ToLowerInvariant(c));
                    keyLine.Add(line);
                }
            }
        }
        _lineKeyStart[_lines.Length + 1] = key.Length;
        Key = key.ToString();
        _keyLine = [.. keyLine];
        Passages = SentenceSplitter.Split(this);
    }

    /// <summary>The file name, e.g. <c>002_9525e256da1a01e8.txt</c>: what citations name.</summary>
    public string FileName { get; }

    public int LineCount => _lines.Length;

    /// <summary>The whole document's match key.</summary>
    public string Key { get; }

    /// <summary>The document cut into sentence-sized passages, each with its original lines.</summary>
    public IReadOnlyList<SeedPassage> Passages { get; }

    /// <summary>The original text of a 1-based line.</summary>
    public string Line(int number) => _lines[number - 1];

    /// <summary>Whether a line holds anything but white space (the lines coverage asks about).</summary>
    public bool IsContentLine(int number) => !string.IsNullOrWhiteSpace(_lines[number - 1]);

    /// <summary>The original text of a range of lines, joined with spaces.</summary>
    public string Text(LineRange range) =>
        string.Join(' ', _lines[(range.First - 1)..Math.Min(range.Last, _lines.Length)].Select(l => l.Trim()));

    /// <summary>The line on which a key offset falls.</summary>
    public int LineOfKeyOffset(int offset) => _keyLine[offset];

    /// <summary>
    /// Where a quote occurs inside <paramref name="within"/> (or anywhere when null), compared by match key:
    /// the lines the occurrence actually spans, or null when the quote is not there.
    /// </summary>
    public LineRange? Find(string quote, LineRange? within = null)
    {
        var needle = MatchKey.Of(quote);
        if (needle.Length == 0)
        {
            return null;
        }
        var range = within ?? new LineRange(1, _lines.Length);
        if (range.First > _lines.Length)
        {
            return null;
        }
        var start = _lineKeyStart[range.First];
        var end = _lineKeyStart[Math.Min(range.Last, _lines.Length) + 1];
        var at = Key.IndexOf(needle, start, end - start, StringComparison.Ordinal);
        return at < 0 ? null : new LineRange(_keyLine[at], _keyLine[at + needle.Length - 1]);
    }
}
