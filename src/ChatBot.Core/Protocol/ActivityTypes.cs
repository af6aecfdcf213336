namespace ChatBot.Core.Protocol;

/// <summary>The activity types of the protocol, with the SDK's names.</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string Typing = "typing";
    public const string Event = "event";
    public const string Invoke = "invoke";
    public const string EndOfConversation = "endOfConversation";
    public const string MessageReaction = "messageReaction";
    public const string InstallationUpdate = "installationUpdate";
}

/// <summary>How the channel wants the bot's replies delivered.</summary>
public static class DeliveryModes
{
    public const string Normal = "normal";
    public const string ExpectReplies = "expectReplies";
    public const string Notification = "notification";
    public const string Ephemeral = "ephemeral";
}

/// <summary>Values of <see cref="ChannelAccount.Role"/>.</summary>
public static class RoleTypes
{
    public const string User = "user";
    public const string Bot = "bot";
}

/// <summary>Values of <see cref="Activity.InputHint"/>.</summary>
public static class InputHints
{
    public const string AcceptingInput = "acceptingInput";
    public const string IgnoringInput = "ignoringInput";
    public const string ExpectingInput = "expectingInput";
}
