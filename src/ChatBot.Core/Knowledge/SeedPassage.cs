namespace ChatBot.Core.Knowledge;

/// <summary>A sentence-sized span of a seed with its original lines: what the passage fallback quotes and cites.</summary>
public sealed record SeedPassage(string Source, LineRange Lines, string Text);
