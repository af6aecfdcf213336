using ChatBot.Core.Protocol;

namespace ChatBot.Web.Messages;

/// <summary>The fields an inbound activity must carry before a turn can run on it (protocol doc §2 and §7).</summary>
public static class ActivityValidator
{
    /// <summary>Null when the activity is acceptable, else what is missing.</summary>
    public static string? Validate(Activity activity)
    {
        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return "The activity has no 'type'.";
        }
        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return "The activity has no 'conversation.id'.";
        }
        if (string.IsNullOrWhiteSpace(activity.From?.Id))
        {
            return "The activity has no 'from.id'.";
        }
        if (string.IsNullOrWhiteSpace(activity.ChannelId))
        {
            return "The activity has no 'channelId'.";
        }
        if ((activity.Type == ActivityTypes.Invoke || activity.Type == ActivityTypes.Event) && string.IsNullOrWhiteSpace(activity.Name))
        {
            return $"An '{activity.Type}' activity needs a 'name'.";
        }
        var needsCallback = activity.DeliveryMode != DeliveryModes.ExpectReplies && activity.Type != ActivityTypes.Invoke;
        if (needsCallback && string.IsNullOrWhiteSpace(activity.ServiceUrl))
        {
            return "Normal delivery needs a 'serviceUrl' to send the replies to.";
        }
        if (activity.ServiceUrl is { } url && !Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            return "The 'serviceUrl' is not an absolute URL.";
        }
        return null;
    }
}
