using ChatBot.Web.DirectLine;
using ChatBot.Web.Tests.Infrastructure;

namespace ChatBot.Web.Tests.DirectLine;

/// <summary>The Direct Line settings: defaults that work without any, and a bad value stops the host naming its key.</summary>
public sealed class DirectLineSettingsTests
{
    [Fact]
    public void The_defaults_are_valid_and_match_Direct_Line()
    {
        var defaults = new DirectLineOptions();

        new DirectLineOptionsValidation().Validate(null, defaults).Succeeded.ShouldBeTrue();
        defaults.TokenLifetimeSeconds.ShouldBe(1800);
        defaults.TokenSigningKey.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(nameof(DirectLineOptions.TokenSigningKey), "too-short")]
    [InlineData(nameof(DirectLineOptions.TokenLifetimeSeconds), "0")]
    [InlineData(nameof(DirectLineOptions.PostsPerMinute), "-5")]
    [InlineData(nameof(DirectLineOptions.MaxConversations), "0")]
    [InlineData(nameof(DirectLineOptions.MaxActivityBytes), "10")]
    public void A_bad_value_is_refused_naming_its_key(string key, string value)
    {
        var options = new DirectLineOptions();
        var property = typeof(DirectLineOptions).GetProperty(key)!;
        property.SetValue(options, property.PropertyType == typeof(int) ? int.Parse(value) : value);

        var result = new DirectLineOptionsValidation().Validate(null, options);

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain($"DirectLine:{key}");
    }

    [Fact]
    public async Task The_host_does_not_start_with_a_short_signing_key()
    {
        var message = await HostProcess.StopsWithOneLineAsync(new Dictionary<string, string> { ["DirectLine__TokenSigningKey"] = "too-short" });
        message.ShouldContain("DirectLine:TokenSigningKey");
        message.ShouldNotContain("too-short");
    }
}
