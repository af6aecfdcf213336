namespace ChatBot.Core.Validation;

/// <summary>models/entities.yaml: every entity named, no alias (or name) shared by two entities, every <c>standsFor</c> an entity.</summary>
internal static class EntityChecks
{
    public static IEnumerable<DataIssue> Check(ChatBotPaths paths)
    {
        if (!File.Exists(paths.Entities))
        {
            return [];
        }
        var file = SourceFile.Read(paths, paths.Entities);
        if (file.ParseError is { } error)
        {
            return [error];
        }
        var issues = new List<DataIssue>();
        var owner = new Dictionary<string, (string Entity, int Line)>(StringComparer.OrdinalIgnoreCase);
        var standsFor = new List<(string Entity, string Target, int Line)>();
        foreach (var entity in SourceFile.Items(SourceFile.Field(file.Root, "entities")))
        {
            var name = SourceFile.Text(SourceFile.Field(entity, "name"));
            if (string.IsNullOrEmpty(name))
            {
                issues.Add(new DataIssue(file.Name, SourceFile.Line(entity), "an entity has no name", "give it 'name:' (its canonical name)"));
                continue;
            }
            var names = SourceFile.Items(SourceFile.Field(entity, "aliases")).Select(a => (Text: SourceFile.Text(a), Line: SourceFile.Line(a)))
                .Prepend((Text: name, Line: SourceFile.Line(entity)));
            foreach (var (text, line) in names)
            {
                if (string.IsNullOrEmpty(text))
                {
                    continue;
                }
                if (owner.TryGetValue(text, out var first) && !string.Equals(first.Entity, name, StringComparison.OrdinalIgnoreCase))
                {
                    issues.Add(new DataIssue(file.Name, line, $"'{text}' names both {name} and {first.Entity} (line {first.Line})",
                        "keep the alias under the one entity it means; then run `chatbot train` (aliases are part of the model's hash)"));
                }
                else
                {
                    owner.TryAdd(text, (name, line));
                }
            }
            if (SourceFile.Field(entity, "standsFor") is { } target && SourceFile.Text(target) is { Length: > 0 } targetName)
            {
                standsFor.Add((name, targetName, SourceFile.Line(target)));
            }
        }
        foreach (var (entity, target, line) in standsFor.Where(s => !owner.ContainsKey(s.Target)))
        {
            issues.Add(new DataIssue(file.Name, line, $"{entity} stands for '{target}', which is no entity", "use the name or an alias of an entity listed in this file"));
        }
        return issues;
    }
}
