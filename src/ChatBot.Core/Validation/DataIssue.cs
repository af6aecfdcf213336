namespace ChatBot.Core.Validation;

/// <summary>One thing wrong in the bot's data: where (a repository-relative file and a 1-based line), what, and how to fix it.</summary>
public sealed record DataIssue(string File, int Line, string Message, string Fix, bool IsError = true)
{
    public override string ToString() => $"{File}:{Line}: {(IsError ? "error" : "warning")}: {Message}. Fix: {Fix}";
}

/// <summary>What <c>chatbot data validate</c> found: it passes when there is no error (warnings do not fail it).</summary>
public sealed record DataValidationReport(IReadOnlyList<DataIssue> Issues)
{
    public IEnumerable<DataIssue> Errors => Issues.Where(i => i.IsError);

    public IEnumerable<DataIssue> Warnings => Issues.Where(i => !i.IsError);

    public bool Passed => !Errors.Any();
}
