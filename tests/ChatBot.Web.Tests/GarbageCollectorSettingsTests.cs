using System.Text.Json;
using Shouldly;
using Xunit;

namespace ChatBot.Web.Tests;

/// <summary>
/// The host's GC settings as the runtime reads them (its runtimeconfig.json, written by the build): workstation GC,
/// no background GC, memory conserved. A misspelt MSBuild property once left server GC on without anyone noticing.
/// </summary>
public sealed class GarbageCollectorSettingsTests
{
    [Fact]
    public void The_host_runs_workstation_gc_without_background_collections_and_conserves_memory()
    {
        var web = typeof(ChatBot.Web.Hosting.BotCredentials).Assembly.Location;
        var config = Path.ChangeExtension(web, ".runtimeconfig.json");
        File.Exists(config).ShouldBeTrue(config);

        using var json = JsonDocument.Parse(File.ReadAllText(config));
        var properties = json.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        properties.GetProperty("System.GC.Server").GetBoolean().ShouldBeFalse();
        properties.GetProperty("System.GC.Concurrent").GetBoolean().ShouldBeFalse();
        properties.GetProperty("System.GC.ConserveMemory").GetInt32().ShouldBe(7);
    }
}
