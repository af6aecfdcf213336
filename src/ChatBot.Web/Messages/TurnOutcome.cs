using ChatBot.Core.Protocol;

namespace ChatBot.Web.Messages;

/// <summary>What a processed turn gives back to the HTTP layer: the buffered replies (expectReplies) and/or an invoke response.</summary>
public sealed record TurnOutcome(IReadOnlyList<Activity> Replies, InvokeResponse? InvokeResponse);
