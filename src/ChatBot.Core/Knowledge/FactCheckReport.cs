namespace ChatBot.Core.Knowledge;

/// <summary>What <c>chatbot facts check</c> found: errors that fail the check, warnings that do not, and the seed lines no fact covers.</summary>
public sealed record FactCheckReport(
    int FactCount,
    int SkipCount,
    IReadOnlyDictionary<string, int> FactsPerTopic,
    IReadOnlyList<DataProblem> Errors,
    IReadOnlyList<DataProblem> Warnings,
    IReadOnlyList<UncoveredLine> Uncovered)
{
    public bool Passed => Errors.Count == 0 && Uncovered.Count == 0;
}

/// <summary>A non-empty seed line inside no fact's lines, no <c>alsoIn</c> and no <c>skip</c> entry.</summary>
public sealed record UncoveredLine(string Source, int Line, string Text);
