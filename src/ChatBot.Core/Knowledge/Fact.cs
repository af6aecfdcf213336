
namespace ChatBot.Core.Knowledge;

/// <summary>One curated fact of <c>models/facts.yaml</c>: the questions it answers, the answer, and the seed span that supports it.</summary>
public sealed record Fact(
    string Id,
    string Topic,
    IReadOnlyList<string> Questions,
    string Answer,
    string Quote,
    string Source,
    int FirstLine,
    int LastLine,
    string? AsOf,
    IReadOnlyList<string> Entities,
    IReadOnlyList<FactLocation> AlsoIn)
{
    public LineRange Lines => new(FirstLine, LastLine);

    /// <summary>The citation every answer from this fact carries.</summary>
    public Citation Citation => new(Source, FirstLine, LastLine, Quote);

    /// <summary>The primary location and every <see cref="AlsoIn"/>.</summary>
    public IEnumerable<FactLocation> Locations => AlsoIn.Prepend(new FactLocation(Source, FirstLine, LastLine, Quote));
}

/// <summary>Another seed that states the same fact (<c>alsoIn</c>), with its own lines and quote.</summary>
public sealed record FactLocation(string Source, int FirstLine, int LastLine, string Quote)
{
    public LineRange Lines => new(FirstLine, LastLine);
}

/// <summary>Seed lines that carry no factual claim (a menu, a byline, a repeat), with the reason they are not covered by a fact.</summary>
public sealed record SkipEntry(string Source, int FirstLine, int LastLine, string Reason)
{
    public LineRange Lines => new(FirstLine, LastLine);
}
