using System.Text.RegularExpressions;
using ChatBot.Core.Intents;
using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Dialogs;

/// <summary>
/// The first stage of a turn: reads the message against the conversation state — a button of the last ask-back, a
/// follow-up ("and in 2019?", "who is he?", "tell me more", "where is that from?"), a question leaning on the last
/// answer, or a question of its own — and rewrites it into the question the rest of the turn works with.
/// </summary>
public sealed partial class MessageResolver(KnowledgeBase knowledge, DialogCatalog dialogs, PronounResolver pronouns, CounterpartSwap counterparts)
{
    /// <summary>The intent a "who is he?" is asked under: the one whose dialog names the people handler.</summary>
    private readonly string _peopleIntent = dialogs.Dialogs.FirstOrDefault(d => d.Handler == HandlerKind.People)?.Intent ?? string.Empty;

    public ResolvedMessage Resolve(string text, ConversationState state)
    {
        text = text.Trim();
        if (text.Length == 0)
        {
            return new ResolvedMessage(MessageMode.Empty, text, text) { Remembered = text };
        }
        if (state.PendingChoices.FirstOrDefault(c => string.Equals(c.Label, text, StringComparison.OrdinalIgnoreCase)) is { } choice)
        {
            return new ResolvedMessage(MessageMode.TopicChoice, text, choice.Question) { Intent = choice.Intent, Remembered = choice.Question };
        }
        if (FollowUpDetector.Detect(text) is { } followUp && FromState(followUp, text, state) is { } followed)
        {
            return followed;
        }
        var leans = FollowUpDetector.LeansOnLast(text);
        if (state.LastQuestion is { } previous && leans && state.LastIntent is { } lastIntent
            && dialogs.Find(lastIntent) is { } last && HandlerKinds.AnswersFromDocuments(last.Handler))
        {
            // "what did he sign there": the classifier cannot know what "he" or "there" is; the last answer's topic
            // is the better prior, and the last question the context the answer is found with.
            var resolved = pronouns.Resolve(text, state);
            return new ResolvedMessage(MessageMode.LeaningOnLast, text, resolved)
            {
                Intent = lastIntent,
                Previous = previous,
                FollowUp = new FollowUpPrior(lastIntent, state.LastFactIds),
                Leans = true,
                Remembered = resolved,
            };
        }
        return new ResolvedMessage(MessageMode.New, text, text) { Previous = state.LastQuestion, Leans = leans, Remembered = text };
    }

    /// <summary>A follow-up the state can answer; null when it has nothing to follow up on (the message is then a new question).</summary>
    private ResolvedMessage? FromState(FollowUp followUp, string text, ConversationState state)
    {
        var remembered = state.LastQuestion ?? text;
        switch (followUp.Kind)
        {
            case FollowUpKind.WhereFrom when state.LastCitations.Count > 0:
                return new ResolvedMessage(MessageMode.WhereFrom, text, remembered) { Intent = state.LastIntent, Remembered = remembered };
            case FollowUpKind.More when state.LastIntent is not null && state.LastQuestion is not null:
                return new ResolvedMessage(MessageMode.More, text, state.LastQuestion) { Intent = state.LastIntent, Remembered = remembered };
            case FollowUpKind.WhoIsThatPerson when LastPerson(state) is { } person && _peopleIntent.Length > 0:
                return new ResolvedMessage(MessageMode.WhoIsThatPerson, text, $"who is {person}") { Intent = _peopleIntent, Remembered = remembered };
            case FollowUpKind.Reask when state.LastIntent is not null && state.LastQuestion is not null && followUp.Addition.Length > 0:
                return new ResolvedMessage(MessageMode.Reask, text, ReaskOrAsIs(state.LastQuestion, followUp.Addition, text))
                {
                    Intent = state.LastIntent,
                    Previous = state.LastQuestion,
                    FollowUp = new FollowUpPrior(state.LastIntent, []) { Reask = true },
                    Leans = true,
                    Remembered = Reask(state.LastQuestion, followUp.Addition),
                };
            case FollowUpKind.OtherWayRound when state.LastIntent is not null && state.LastQuestion is { } last && counterparts.Swap(last) is { } swapped:
                // Self-contained once swapped: the last question as context would only pull back its own answer.
                return new ResolvedMessage(MessageMode.Reask, text, swapped)
                {
                    Intent = state.LastIntent,
                    FollowUp = new FollowUpPrior(state.LastIntent, state.LastFactIds),
                    Remembered = swapped,
                };
            default:
                return null;
        }
    }

    /// <summary>"trade in 2022" + "in 2019" → "trade in 2019"; without a year to swap, the addition.</summary>
    public static string Reask(string lastQuestion, string addition)
    {
        var newYear = Year().Match(addition);
        if (!newYear.Success)
        {
            return addition;
        }
        // "trade in 2022" + "in 2019" → "trade in 2019"; "korean investment total" + "back in 2008" → "... in 2008".
        return Year().IsMatch(lastQuestion)
            ? Year().Replace(lastQuestion, newYear.Value, 1)
            : OnlyAYear().IsMatch(addition) ? $"{lastQuestion.TrimEnd('?', '.', '!', ' ')} in {newYear.Value}" : addition;
    }

    /// <summary>An addition that says nothing but a year: "2008", "in 2019", "back in 2008", "for 2011".</summary>
    [GeneratedRegex(@"^\s*((back|also|then|as)\s+)?((in|for|of|during|by)\s+)?(the\s+year\s+)?(19|20)\d{2}\s*[?.!]*$", RegexOptions.IgnoreCase)]
    private static partial Regex OnlyAYear();

    /// <summary>The last question with the new year; without a year, the message as typed ("and of imports?"), which is read with the last question as context.</summary>
    private static string ReaskOrAsIs(string lastQuestion, string addition, string asTyped)
    {
        var reasked = Reask(lastQuestion, addition);
        return ReferenceEquals(reasked, addition) ? asTyped : reasked;
    }

    private string? LastPerson(ConversationState state) =>
        state.LastEntities.FirstOrDefault(e => string.Equals(knowledge.Entities.Resolve(e)?.Kind, "person", StringComparison.OrdinalIgnoreCase));

    private static Regex Year() => FollowUpDetector.Year();
}
