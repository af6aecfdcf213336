using ArchUnitNET.Domain;
using ArchUnitNET.Fluent;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace ChatBot.Core.Tests;

/// <summary>
/// The boundaries of docs/architecture.md, read from the compiled ChatBot.Core: Protocol knows no other part; Intents
/// know neither Knowledge nor the conversation; Knowledge knows neither the conversation nor Intents; nothing in Core
/// knows ASP.NET or the console.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly System.Reflection.Assembly Core = typeof(ChatBotPaths).Assembly;

    /// <summary>Core, and System.Console's assembly so that a use of the console is seen (a type outside the loaded assemblies is not).</summary>
    private static readonly Architecture Architecture = new ArchLoader().LoadAssemblies(Core, typeof(Console).Assembly).Build();

    private static readonly IObjectProvider<IType> Protocol = Part("Protocol");
    private static readonly IObjectProvider<IType> Knowledge = Part("Knowledge");
    private static readonly IObjectProvider<IType> Intents = Part("Intents");

    /// <summary>The conversation: the dialogs, their state and the turn handler.</summary>
    private static readonly IObjectProvider<IType> Conversation =
        Types().That().ResideInNamespaceOrBelow("ChatBot.Core.Dialogs").Or().ResideInNamespaceOrBelow("ChatBot.Core.Bot").As("Dialogs and Bot");

    [Fact]
    public void Protocol_knows_no_other_part() =>
        Types().That().Are(Protocol).Should().NotDependOnAny(Knowledge).AndShould().NotDependOnAny(Intents)
            .AndShould().NotDependOnAny(Conversation).AndShould().NotDependOnAny(Types().That().ResideInNamespace("ChatBot.Core"))
            .Because("the wire types are the Bot Framework's, not this bot's").Check(Architecture);

    [Fact]
    public void Intents_know_neither_Knowledge_nor_the_conversation() =>
        Types().That().Are(Intents).Should().NotDependOnAny(Knowledge).AndShould().NotDependOnAny(Conversation)
            .Because("the classifier gets plain rows and aliases (IntentTrainingSource builds them)").Check(Architecture);

    [Fact]
    public void Knowledge_knows_neither_the_conversation_nor_Intents() =>
        Types().That().Are(Knowledge).Should().NotDependOnAny(Conversation).AndShould().NotDependOnAny(Intents)
            .Because("the intent is a parameter of retrieval, and a fact knows no conversation").Check(Architecture);

    [Fact]
    public void Nothing_in_Core_knows_ASP_NET_or_the_console()
    {
        // A type from ASP.NET would need a reference to one of its assemblies; the console is one type of a loaded assembly.
        Core.GetReferencedAssemblies().Select(a => a.Name).ShouldNotContain(n => n!.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Types().That().ResideInAssembly(Core).Should().NotDependOnAny(Types().That().HaveFullName("System.Console"))
            .Because("the brain is the same under the web host, the CLI and the tests").Check(Architecture);
    }

    private static IObjectProvider<IType> Part(string name) =>
        Types().That().ResideInNamespaceOrBelow("ChatBot.Core." + name).As(name);
}
