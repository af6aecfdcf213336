namespace ChatBot.Core.Knowledge;

/// <summary>Which fact and entity files to read: the product reads <c>models/facts.yaml</c> and <c>models/entities.yaml</c>.</summary>
public sealed record KnowledgeFiles(IReadOnlyList<string> FactFiles, IReadOnlyList<string> EntityFiles)
{
    /// <summary>The merged files the product reads.</summary>
    public static KnowledgeFiles Of(ChatBotPaths paths) => new([paths.Facts], [paths.Entities]);

    /// <summary>
    /// The merged files when they exist, else the curators' part files (<c>facts.part*.yaml</c>,
    /// <c>entities.part*.yaml</c>): for checking data while it is still being written, never for the product.
    /// </summary>
    public static KnowledgeFiles MergedOrParts(ChatBotPaths paths) => new(
        File.Exists(paths.Facts) ? [paths.Facts] : Parts(paths, "facts"),
        File.Exists(paths.Entities) ? [paths.Entities] : Parts(paths, "entities"));

    private static string[] Parts(ChatBotPaths paths, string name) =>
        Directory.Exists(paths.Models) ? [.. Directory.GetFiles(paths.Models, $"{name}.part*.yaml").Order(StringComparer.Ordinal)] : [];
}
