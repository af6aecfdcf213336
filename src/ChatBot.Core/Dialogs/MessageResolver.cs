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
        if (state.LastQuestion is { } asked && state.LastIntent is { } askedIntent && SameWords(text, asked))
        {
            // The same question again: the answer shown did not serve, so the next one of its topic not shown yet.
            return new ResolvedMessage(MessageMode.More, text, asked) { Intent = askedIntent, Remembered = asked };
        }
        if (FollowUpDetector.Detect(text) is { } followUp && FromState(followUp, text, state) is { } followed)
        {
            return followed;
        }
        var (resolved, refersToPerson) = pronouns.Read(text, state);
        var leans = FollowUpDetector.LeansOnLast(text) || refersToPerson;
        if (leans && Leaning(text, resolved, state) is { } leaning)
        {
            // "what did he sign there": the classifier cannot know what "he" or "there" is; the last answer's topic
            // is the better prior, and the last question the context the answer is found with.
            return leaning;
        }
        return new ResolvedMessage(MessageMode.New, text, text) { Previous = state.LastQuestion, Leans = leans, Remembered = text };
    }

    /// <summary>A question leaning on the last answer, asked as <paramref name="resolved"/>; null when there is no answer from the documents to lean on.</summary>
    private ResolvedMessage? Leaning(string text, string resolved, ConversationState state) =>
        state.LastQuestion is { } previous && state.LastIntent is { } lastIntent
        && dialogs.Find(lastIntent) is { } last && HandlerKinds.AnswersFromDocuments(last.Handler)
            ? new ResolvedMessage(MessageMode.LeaningOnLast, text, resolved = Completed(resolved, previous))
            {
                Intent = lastIntent,
                Previous = previous,
                FollowUp = new FollowUpPrior(lastIntent, state.LastFactIds),
                Leans = true,
                Remembered = resolved,
            }
            : null;

    /// <summary>
    /// A fragment that names at most one thing of its own, no entity and no word the lexicon lacks ("in dollars?",
    /// "how much was that up") asks about the last question's subject: it is completed with that question, without its
    /// leading question word ("in dollars share of korea's trade with central asia does kazakhstan account for"), so the
    /// question is read whole, as a question of its own is. A follow-up with a subject of its own stays as it is.
    /// </summary>
    private string Completed(string resolved, string previous)
    {
        var analyzed = new AnalyzedText();
        knowledge.Lexicon.Analyze(resolved, correctTypos: true, analyzed);
        var own = 0;
        for (var i = 0; i < analyzed.Terms.Count; i++)
        {
            var term = analyzed.Terms[i];
            if (knowledge.Lexicon.IsEntity(term) || analyzed.InAlias[i])
            {
                return resolved;
            }
            own += knowledge.Lexicon.Words.QuestionWords.Contains(knowledge.Lexicon.Term(term)) ? 0 : 1;
        }
        if (own > MaxFragmentTerms || analyzed.Unknown.Count > 0)
        {
            return resolved;
        }
        var subject = LeadingQuestionWord().Replace(previous, "").Trim().TrimEnd('?', '.', '!').Trim();
        return subject.Length == 0 ? resolved : $"{resolved.Trim().TrimEnd('?', '.', '!').Trim()} {subject}";
    }

    /// <summary>How many words of its own a fragment completed with the last question's subject may name; a word the lexicon does not know ("what time is it in tokyo") is a subject of its own.</summary>
    private const int MaxFragmentTerms = 1;

    /// <summary>The same words in the same order, whatever the case, spacing and punctuation.</summary>
    private static bool SameWords(string a, string b) =>
        string.Equals(Words().Replace(a, " ").Trim(), Words().Replace(b, " ").Trim(), StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex Words();

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
                return Reasked(text, followUp.Addition, state);
            case FollowUpKind.YearShift when state.LastIntent is not null && state.LastQuestion is not null && LastYear(state) is { } year:
                // "and a year later?" after "trade in 2010": the last question for 2011.
                return Reasked(text, $"in {year + followUp.Years}", state);
            case FollowUpKind.AskAgainWith when state.LastQuestion is { } subject:
                // "why?" after "is korea building the plant": "why is korea building the plant", read with the last answer.
                return Leaning(text, $"{followUp.Addition} {LeadingQuestionWord().Replace(subject, "")}", state);
            case FollowUpKind.BackTo when state.Asked.Count > 0:
                var earlier = Earlier(followUp.Hint, state);
                var asOf = state with
                {
                    LastQuestion = earlier.Question,
                    LastIntent = earlier.Intent,
                    LastFactIds = earlier.FactIds,
                    LastEntities = FactStore.EntitiesOf(knowledge.Store.FindAll(earlier.FactIds)),
                    LastCitations = [],
                    PendingChoices = [],
                };
                // "back to the trade thing" alone asks that question again; with a follow-up, the follow-up of that turn.
                return followUp.Addition.Length == 0
                    ? new ResolvedMessage(MessageMode.New, text, earlier.Question) { Remembered = earlier.Question }
                    : Resolve(followUp.Addition, asOf);
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

    /// <summary>
    /// The last question asked again with <paramref name="addition"/>, read with the last question as context. When
    /// it was rewritten with a new year ("trade in 2022" → "trade in 2019"), the context leaves the old year out: it
    /// keeps the subject, and would otherwise pull back the old year's answer.
    /// </summary>
    private static ResolvedMessage Reasked(string text, string addition, ConversationState state)
    {
        var question = ReaskOrAsIs(state.LastQuestion!, addition, text);
        var standsAlone = !ReferenceEquals(question, text);
        return new(MessageMode.Reask, text, question)
        {
            Intent = state.LastIntent,
            Previous = standsAlone ? Year().Replace(state.LastQuestion!, " ") : state.LastQuestion,
            FollowUp = new FollowUpPrior(state.LastIntent!, []) { Reask = true },
            Leans = true,
            Remembered = Reask(state.LastQuestion!, addition),
        };
    }

    /// <summary>The year the last turn was about: the last one its question names, else the first its answer gives.</summary>
    private int? LastYear(ConversationState state)
    {
        var named = Year().Matches(state.LastQuestion ?? "");
        if (named.Count > 0)
        {
            return int.Parse(named[^1].Value, System.Globalization.CultureInfo.InvariantCulture);
        }
        var answered = knowledge.Store.FindAll(state.LastFactIds)
            .Select(f => Year().Match(f.Answer)).FirstOrDefault(m => m.Success);
        return answered is null ? null : int.Parse(answered.Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The earlier turn "back to …" names: the first one for "what I asked first", "the beginning"; else the one whose
    /// question or topic shares most words with the hint ("the trade thing"); with none, the turn before the last.
    /// </summary>
    private AskedTurn Earlier(string hint, ConversationState state)
    {
        var asked = state.Asked;
        if (FirstTurn().IsMatch(hint))
        {
            return asked[0];
        }
        var wanted = Terms(hint);
        var best = asked.Select((turn, index) => (turn, index, shared: Terms($"{turn.Question} {turn.Intent.Replace('_', ' ')}").Intersect(wanted).Count()))
            .Where(t => t.shared > 0)
            .OrderByDescending(t => t.shared).ThenByDescending(t => t.index)
            .Select(t => t.turn).FirstOrDefault();
        return best ?? asked[Math.Max(0, asked.Count - 2)];
    }

    /// <summary>A text's content terms as the lexicon reads them (stemmed, typos corrected).</summary>
    private HashSet<int> Terms(string text)
    {
        var analyzed = new AnalyzedText();
        knowledge.Lexicon.Analyze(text, correctTypos: true, analyzed);
        return [.. analyzed.Terms];
    }

    [GeneratedRegex(@"\b(first|beginning|start|original|earliest)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FirstTurn();

    /// <summary>The question word and its auxiliary a question opens with ("when did", "what is"), left out when another word takes its place.</summary>
    [GeneratedRegex(@"^\s*((what|when|where|who|whom|which|why|how(\s+(much|many|long|big))?)\b(\s+(is|was|are|were|did|does|do|has|have|had|will|can))?\s*)", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingQuestionWord();

    /// <summary>"trade in 2022" + "in 2019" → "trade in 2019"; without a year to swap, the addition.</summary>
    public static string Reask(string lastQuestion, string addition)
    {
        var newYear = Year().Match(addition);
        if (!newYear.Success)
        {
            return addition;
        }
        // "investment since 92" + "back in 2008" → "investment in 2008": a total since a year, asked for one year, is
        // the figure as of that year.
        if (SinceAYear().IsMatch(lastQuestion))
        {
            return SinceAYear().Replace(lastQuestion, "in " + newYear.Value, 1);
        }
        // "trade in 2022" + "in 2019" → "trade in 2019"; "korean investment total" + "back in 2008" → "... in 2008".
        return Year().IsMatch(lastQuestion)
            ? Year().Replace(lastQuestion, newYear.Value, 1)
            : OnlyAYear().IsMatch(addition) ? $"{lastQuestion.TrimEnd('?', '.', '!', ' ')} in {newYear.Value}" : addition;
    }

    /// <summary>"since 1992", "since 92", "since '92": a running total's start.</summary>
    [GeneratedRegex(@"\bsince\s+'?((19|20)\d{2}|\d{2})\b", RegexOptions.IgnoreCase)]
    private static partial Regex SinceAYear();

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
