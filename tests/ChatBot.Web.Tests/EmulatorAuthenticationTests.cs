using System.Net;
using ChatBot.Web.Auth;
using ChatBot.Web.Tests.Infrastructure;

namespace ChatBot.Web.Tests;

/// <summary>
/// The Bot Framework Emulator with the bot's app id and password filled in: its Entra ID tokens (v1 and v2, no
/// serviceurl) are accepted when signed by the Emulator's key set, current, for this app id; everything else is 401.
/// Entra ID is a loopback stand-in serving OpenID metadata and a JWKS.
/// </summary>
public sealed class EmulatorAuthenticationTests(EmulatorAuthenticationTests.Hosts hosts) : IClassFixture<EmulatorAuthenticationTests.Hosts>
{
    private const string ServiceUrl = "http://127.0.0.1:1/";
    private static readonly string BotFrameworkTenant = EmulatorIssuers.BotFrameworkTenants[1];
    private const string OwnTenant = "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9";

    /// <summary>A channel stand-in, an Entra ID stand-in, and the bot trusting both (multi-tenant).</summary>
    public sealed class Hosts : IAsyncLifetime
    {
        public TestChannel Channel { get; private set; } = null!;
        public TestChannel Entra { get; private set; } = null!;
        public ChatBotApp App { get; private set; } = null!;
        public HttpClient Client { get; private set; } = null!;

        public Dictionary<string, string?> Settings() => new(Channel.BotSettings())
        {
            ["BotFramework:EmulatorOpenIdMetadataUrl"] = Entra.MetadataUrl,
        };

        public async Task InitializeAsync()
        {
            Channel = await TestChannel.StartAsync();
            Entra = await TestChannel.StartAsync();
            App = new ChatBotApp(Settings());
            Client = App.CreateClient();
        }

        public async Task DisposeAsync()
        {
            Client.Dispose();
            await App.DisposeAsync();
            await Entra.DisposeAsync();
            await Channel.DisposeAsync();
        }
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string token, string conversationId = "emu-1")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = Activities.Json(Activities.Message("when were diplomatic relations established", conversationId, serviceUrl: ServiceUrl)),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        return await client.SendAsync(request);
    }

    private Task<HttpResponseMessage> PostAsync(string token) => PostAsync(hosts.Client, token);

    [Fact]
    public async Task A_v1_emulator_token_with_the_app_id_in_appid_is_answered()
    {
        var response = await PostAsync(hosts.Entra.EntraToken(EmulatorIssuers.V1(BotFrameworkTenant), "1.0", appid: TestChannel.AppId));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Activities.RepliesAsync(response)).ShouldHaveSingleItem().Text().ShouldContain("1992");
    }

    [Fact]
    public async Task A_v2_emulator_token_with_the_app_id_in_azp_is_answered()
    {
        var response = await PostAsync(hosts.Entra.EntraToken(EmulatorIssuers.V2(EmulatorIssuers.BotFrameworkTenants[0]), "2.0", azp: TestChannel.AppId));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Activities.RepliesAsync(response)).ShouldHaveSingleItem().Text().ShouldContain("1992");
    }

    [Fact]
    public async Task A_token_from_another_tenant_is_refused() =>
        (await PostAsync(hosts.Entra.EntraToken(EmulatorIssuers.V2(OwnTenant), "2.0", azp: TestChannel.AppId))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

    [Fact]
    public async Task A_token_for_another_app_is_refused() =>
        (await PostAsync(hosts.Entra.EntraToken(EmulatorIssuers.V1(BotFrameworkTenant), "1.0", appid: Guid.NewGuid().ToString())))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

    [Fact]
    public async Task A_token_for_another_audience_is_refused() =>
        (await PostAsync(hosts.Entra.EntraToken(EmulatorIssuers.V2(BotFrameworkTenant), "2.0", azp: TestChannel.AppId, audience: Guid.NewGuid().ToString())))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

    [Theory]
    [InlineData("1.0", null, TestChannel.AppId)] // v1 without appid (the app id only in azp)
    [InlineData("2.0", TestChannel.AppId, null)] // v2 without azp
    [InlineData(null, TestChannel.AppId, TestChannel.AppId)] // no ver
    public async Task A_token_without_its_versions_app_id_claim_is_refused(string? ver, string? appid, string? azp)
    {
        var issuer = ver == "2.0" ? EmulatorIssuers.V2(BotFrameworkTenant) : EmulatorIssuers.V1(BotFrameworkTenant);
        (await PostAsync(hosts.Entra.EntraToken(issuer, ver, appid, azp))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_expired_emulator_token_is_refused() =>
        (await PostAsync(hosts.Entra.EntraToken(EmulatorIssuers.V1(BotFrameworkTenant), "1.0", appid: TestChannel.AppId, expires: DateTime.UtcNow.AddMinutes(-10))))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

    [Fact]
    public async Task An_emulator_token_signed_by_the_channel_keys_is_refused() =>
        (await PostAsync(hosts.Channel.EntraToken(EmulatorIssuers.V1(BotFrameworkTenant), "1.0", appid: TestChannel.AppId))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

    [Fact]
    public async Task A_channel_token_is_still_checked_on_the_channel_path() =>
        (await PostAsync(hosts.Channel.Token(ServiceUrl))).StatusCode.ShouldBe(HttpStatusCode.OK);

    [Fact]
    public async Task A_single_tenant_bot_accepts_its_own_tenants_emulator_token()
    {
        var settings = hosts.Settings();
        settings["MicrosoftAppTenantId"] = OwnTenant;
        await using var app = new ChatBotApp(settings);
        using var client = app.CreateClient();

        (await PostAsync(client, hosts.Entra.EntraToken(EmulatorIssuers.V1(OwnTenant), "1.0", appid: TestChannel.AppId))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await PostAsync(client, hosts.Entra.EntraToken(EmulatorIssuers.V2(OwnTenant), "2.0", azp: TestChannel.AppId))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await PostAsync(client, hosts.Entra.EntraToken(EmulatorIssuers.V2("11111111-2222-4333-8444-555555555555"), "2.0", azp: TestChannel.AppId)))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
