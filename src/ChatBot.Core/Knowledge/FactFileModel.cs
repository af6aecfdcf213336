namespace ChatBot.Core.Knowledge;

// The shape of models/facts.yaml as YamlDotNet reads it; FactStore turns it into validated records.
// Mutable classes because the deserializer sets properties; they never leave this assembly.

internal sealed class FactFileModel
{
    public List<FactModel>? Facts { get; set; }
    public List<SkipModel>? Skip { get; set; }
}

internal sealed class FactModel
{
    public string? Id { get; set; }
    public string? Topic { get; set; }
    public List<string>? Questions { get; set; }
    public string? Answer { get; set; }
    public string? Quote { get; set; }
    public string? Source { get; set; }
    public string? Lines { get; set; }
    public string? AsOf { get; set; }
    public List<string>? Entities { get; set; }
    public List<LocationModel>? AlsoIn { get; set; }
}

internal sealed class LocationModel
{
    public string? Source { get; set; }
    public string? Lines { get; set; }
    public string? Quote { get; set; }
}

internal sealed class SkipModel
{
    public string? Source { get; set; }
    public string? Lines { get; set; }
    public string? Reason { get; set; }
}

internal sealed class EntityFileModel
{
    public List<EntityModel>? Entities { get; set; }
}

internal sealed class EntityModel
{
    public string? Name { get; set; }
    public string? Kind { get; set; }
    public List<string>? Aliases { get; set; }
    public string? StandsFor { get; set; }
    public List<string>? Titles { get; set; }
    public string? Pronoun { get; set; }
}

internal sealed class DialogFileModel
{
    public string? Intent { get; set; }
    public string? Description { get; set; }
    public string? Handler { get; set; }
}
