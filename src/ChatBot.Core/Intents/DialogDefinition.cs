namespace ChatBot.Core.Intents;

/// <summary>One intent as a person wrote it in <c>dialogs/&lt;intent&gt;.yaml</c>: what it covers, how to answer it, how users say it.</summary>
public sealed record DialogDefinition(
    string Intent,
    string Description,
    HandlerKind Handler,
    IReadOnlyList<string> Examples,
    IReadOnlyList<string> FollowUps,
    string File);
