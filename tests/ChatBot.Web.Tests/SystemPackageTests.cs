using ChatBot.Tests.Shared;

namespace ChatBot.Web.Tests;

/// <summary>What a newcomer is told when a test needs a program that is missing and cannot be installed for them.</summary>
public sealed class SystemPackageTests
{
    [Fact]
    public async Task A_missing_program_this_user_may_not_install_fails_with_the_exact_install_command_and_installs_nothing()
    {
        var announced = new List<string>();
        var package = new SystemPackage("chatbot-no-such-package", "/nonexistent/chatbot-no-such-program") { Installer = () => null };

        var error = await Should.ThrowAsync<InvalidOperationException>(() => package.EnsureInstalledAsync(announced.Add));

        error.Message.ShouldContain("/nonexistent/chatbot-no-such-program");
        error.Message.ShouldContain("cannot install packages");
        error.Message.ShouldContain("sudo apt-get update && sudo apt-get install -y chatbot-no-such-package");
        announced.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_program_already_there_is_used_as_it_is_without_a_word()
    {
        var announced = new List<string>();
        var package = new SystemPackage("coreutils", "/bin/sh") { Installer = () => throw new InvalidOperationException("must not be asked") };

        (await package.EnsureInstalledAsync(announced.Add)).ShouldBe("/bin/sh");

        announced.ShouldBeEmpty();
    }
}
