using ChatBot.Core.Knowledge;
using Shouldly;
using Xunit;

namespace ChatBot.Core.Tests.Knowledge;

/// <summary>A person's pronoun in an entity file: he or she, or none (either fits); anything else is a data error naming the file.</summary>
public sealed class EntityPronounTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("chatbot-entities-").FullName;

    [Fact]
    public void A_pronoun_is_read_in_lower_case_and_a_person_without_one_has_none()
    {
        var file = Write("entities:\n  - name: Ann Lee\n    kind: person\n    pronoun: She\n  - name: Bo Kim\n    kind: person\n");

        var entities = EntityLexicon.Load(file);

        entities.Resolve("Ann Lee")!.Pronoun.ShouldBe("she");
        entities.Resolve("Bo Kim")!.Pronoun.ShouldBeNull();
    }

    [Fact]
    public void A_pronoun_other_than_he_or_she_is_a_data_error_naming_the_file()
    {
        var file = Write("entities:\n  - name: Ann Lee\n    kind: person\n    pronoun: it\n");

        var error = Should.Throw<ChatBotDataException>(() => EntityLexicon.Load(file));

        error.Message.ShouldContain(file);
        error.Message.ShouldContain("pronoun");
    }

    [Fact]
    public void The_committed_entities_give_park_geun_hye_her_pronoun()
    {
        var entities = EntityLexicon.Load(Path.Combine(RealKnowledge.RepoRoot(), "models", "entities.yaml"));

        entities.Resolve("Park Geun-hye")!.Pronoun.ShouldBe("she");
    }

    private string Write(string yaml)
    {
        var file = Path.Combine(_folder, "entities.yaml");
        File.WriteAllText(file, yaml);
        return file;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
