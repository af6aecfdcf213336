namespace ChatBot.Core.Protocol;

/// <summary>Buttons offered under a message; they disappear once the user answers.</summary>
public sealed class SuggestedActions
{
    public List<string>? To { get; set; }
    public List<CardAction> Actions { get; set; } = [];
}

/// <summary>One clickable action; the bot uses <c>imBack</c>, which posts its value back as the user's text.</summary>
public sealed class CardAction
{
    public string Type { get; set; } = ActionTypes.ImBack;
    public string? Title { get; set; }
    public string? Value { get; set; }
    public string? Text { get; set; }
    public string? DisplayText { get; set; }

    public static CardAction ImBack(string text) => new() { Type = ActionTypes.ImBack, Title = text, Value = text };
}

/// <summary>The card action types of the protocol.</summary>
public static class ActionTypes
{
    public const string ImBack = "imBack";
    public const string PostBack = "postBack";
    public const string MessageBack = "messageBack";
    public const string OpenUrl = "openUrl";
}
