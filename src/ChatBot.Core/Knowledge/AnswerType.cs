using System.Text.RegularExpressions;

namespace ChatBot.Core.Knowledge;

/// <summary>What kind of answer a question asks for, read from its question words ("when", "who", "how much", "why").</summary>
[Flags]
public enum AnswerType
{
    None = 0,

    /// <summary>"when", "what year", "since when": a date.</summary>
    Date = 1,

    /// <summary>"who", "whose", "by whom": a person or an organisation.</summary>
    Agent = 2,

    /// <summary>"how much", "how many", "how big": an amount, a count, a share.</summary>
    Figure = 4,

    /// <summary>"where": a place.</summary>
    Place = 8,

    /// <summary>"why", "for what reason": a cause or a purpose.</summary>
    Reason = 16,

    /// <summary>"what does it include", "which sectors", "what do they invest in": several items.</summary>
    List = 32,
}

/// <summary>
/// Reads the kind of answer a question wants, and the kinds a fact's answer gives, so that among facts about the
/// same subject the one that answers the question asked wins ("when" → the dated one, "how many" → the one with a
/// count, "why" → the one that gives a reason). General English cues only.
/// </summary>
public static partial class AnswerTypes
{
    /// <summary>The question words that only say what kind of answer is wanted: they are matched by a fact of that kind, not by the word.</summary>
    public static IReadOnlyDictionary<string, AnswerType> CueWords { get; } = new Dictionary<string, AnswerType>(StringComparer.Ordinal)
    {
        ["when"] = AnswerType.Date, ["year"] = AnswerType.Date, ["date"] = AnswerType.Date,
        ["who"] = AnswerType.Agent, ["whom"] = AnswerType.Agent,
        ["where"] = AnswerType.Place,
        ["why"] = AnswerType.Reason, ["reason"] = AnswerType.Reason,
        // "how long", "how big", "how intensive": the word after "how" names the dimension of the figure asked for.
        ["how"] = AnswerType.Figure, ["long"] = AnswerType.Figure, ["large"] = AnswerType.Figure, ["high"] = AnswerType.Figure,
        ["intensive"] = AnswerType.Figure, ["far"] = AnswerType.Figure,
    };

    /// <summary>The kinds of answer a question asks for (usually one, or none: "what is Fresh Wind").</summary>
    public static AnswerType Of(string question)
    {
        var type = AnswerType.None;
        if (WantsDate().IsMatch(question))
        {
            type |= AnswerType.Date;
        }
        if (WantsAgent().IsMatch(question))
        {
            type |= AnswerType.Agent;
        }
        if (WantsFigure().IsMatch(question))
        {
            type |= AnswerType.Figure;
        }
        if (WantsPlace().IsMatch(question))
        {
            type |= AnswerType.Place;
        }
        if (WantsReason().IsMatch(question))
        {
            type |= AnswerType.Reason;
        }
        if (WantsList().IsMatch(question))
        {
            type |= AnswerType.List;
        }
        return type;
    }

    /// <summary>"who is Kim Gunn", "what was the Joint Declaration": a question for what someone or something is.</summary>
    public static bool AsksWhatItIs(string question) => WhatItIs().IsMatch(question);

    /// <summary>
    /// The subject an answer defines, when it opens by saying what it is: "Kim Gunn" of "Kim Gunn was the ROK's Deputy
    /// Foreign Minister ..."; null for an answer that opens otherwise ("According to ...", "In 2020 ...").
    /// </summary>
    public static string? DefinedSubject(string answer)
    {
        var match = Definition().Match(answer.Trim());
        return match.Success && match.Groups["subject"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 5
            ? match.Groups["subject"].Value
            : null;
    }

    [GeneratedRegex(@"^\s*(who|what)\s*('s|’s|\s+(is|was|are|were))\s+(?!(in|on|at|about|for|with|it|its|there|that|this|they|he|she|said|done|meant|happening|going)\b)\S", RegexOptions.IgnoreCase)]
    private static partial Regex WhatItIs();

    [GeneratedRegex(@"^[""“]?(?<subject>[^,;:.]{2,60}?)[""”]?\s+(is|was|are|were)\b")]
    private static partial Regex Definition();

    /// <summary>
    /// The kinds of answer a question cannot do without: a figure for "how many"/"how much", several items for "what
    /// does it include", "which sectors", "what do they invest in". A fact that gives none of them is not the answer.
    /// </summary>
    public static AnswerType Required(string question) =>
        (HowMuch().IsMatch(question) ? AnswerType.Figure : AnswerType.None) | (WantsList().IsMatch(question) ? AnswerType.List : AnswerType.None);

    [GeneratedRegex(@"\bhow\s+(much|many)\b", RegexOptions.IgnoreCase)]
    private static partial Regex HowMuch();

    [GeneratedRegex(@"\bwhat\b.*\b(include|includes|included|consist|consists|comprise|comprises|contain|contains|cover|covers)\b|\b(which|what)\s+(areas|sectors|spheres|fields|kinds|types|industries|products|goods)\b|^\s*what\s+(do|does|did)\s+.+?\s+(in|on)(\s+(in|on|at|with|for)\s+[^?]+)?\s*\??\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex WantsList();

    /// <summary>"A, B, C and D": an enumeration of at least three items.</summary>
    [GeneratedRegex(@"([^,.;]{1,60},\s*){2,}[^,.;]{0,60}\b(and|or)\b")]
    private static partial Regex GivesList();

    /// <summary>
    /// Whether a question pins the time it asks about: a year, a month, or a word that picks one figure out of a series
    /// ("first", "record", "highest"). Such a question does not want the latest figure by default.
    /// </summary>
    public static bool NamesATime(string question) => PinsTime().IsMatch(question);

    /// <summary>The kinds of answer a fact gives: a date or a figure in its answer, a person or organisation or place among its entities, a stated reason.</summary>
    public static AnswerType Of(Fact fact, EntityLexicon entities)
    {
        var type = AnswerType.None;
        if (GivesDate().IsMatch(fact.Answer))
        {
            type |= AnswerType.Date;
        }
        if (GivesFigure().IsMatch(YearOrDate().Replace(fact.Answer, " ")))
        {
            type |= AnswerType.Figure;
        }
        if (GivesReason().IsMatch(fact.Answer))
        {
            type |= AnswerType.Reason;
        }
        if (GivesList().IsMatch(fact.Answer))
        {
            type |= AnswerType.List;
        }
        foreach (var name in fact.Entities)
        {
            switch (entities.Resolve(name)?.Kind)
            {
                case "person" or "organisation":
                    type |= AnswerType.Agent;
                    break;
                case "place":
                    type |= AnswerType.Place;
                    break;
            }
        }
        if (GivesAgent().IsMatch(fact.Answer))
        {
            type |= AnswerType.Agent;
        }
        return type;
    }

    [GeneratedRegex(@"\b(when|what\s+year|which\s+year|what\s+date|in\s+what\s+year|since\s+when|how\s+long\s+ago)\b|\b(year|date)\s*\??\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex WantsDate();

    [GeneratedRegex(@"\b(who|whom|whose|who's|whos)\b|\bby\s+whom\b", RegexOptions.IgnoreCase)]
    private static partial Regex WantsAgent();

    [GeneratedRegex(@"\bhow\s+(much|many|big|large|high|long|intensive|far)\b|\b(number|amount|volume|share|percentage)\s+of\b", RegexOptions.IgnoreCase)]
    private static partial Regex WantsFigure();

    [GeneratedRegex(@"\bwhere\b|\b(which|what)\s+(city|cities|region|place|town)\b", RegexOptions.IgnoreCase)]
    private static partial Regex WantsPlace();

    [GeneratedRegex(@"\bwhy\b|\bwhat\s+for\b|\bhow\s+come\b|\b(for\s+what|the)\s+reasons?\b|\bpurpose\b", RegexOptions.IgnoreCase)]
    private static partial Regex WantsReason();

    [GeneratedRegex(@"\b(1[89]|20)\d{2}s?\b|\b(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b|\b(first|record|highest|lowest|peak|earliest|initial|original|ever|then|at\s+that\s+time|back)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PinsTime();

    [GeneratedRegex(@"\b(1[89]|20)\d{2}s?\b|\b(january|february|march|april|may|june|july|august|september|october|november|december)\b", RegexOptions.IgnoreCase)]
    private static partial Regex GivesDate();

    /// <summary>A figure: money, a share, a count or a measure; a bare year or day of the month is not one, nor a number joined to a word as a name ("COVID-19").</summary>
    [GeneratedRegex(@"[$%]|\b(billion|million|thousand|percent|hundreds?|dozens?)\b|\b\d+([.,]\d+)?\s*(-\s*)?(km|kilometres?|kilometers?|lanes?|years?|months?|days?|hours?|times|events?|documents?|enterprises|companies|projects|ventures|people|students|mechanisms)\b|(?<!\p{L}-)\b\d{2,}\b|\b\d{1,2}:\d{2}\b", RegexOptions.IgnoreCase)]
    private static partial Regex GivesFigure();

    [GeneratedRegex(@"\b(1[89]|20)\d{2}s?\b|\b\d{1,2}\s+(january|february|march|april|may|june|july|august|september|october|november|december)\b", RegexOptions.IgnoreCase)]
    private static partial Regex YearOrDate();

    [GeneratedRegex(@"\b(because|due\s+to|as\s+a\s+result|in\s+order\s+to|so\s+as\s+to|so\s+that|thanks\s+to|owing\s+to|aims?\s+to|aimed\s+at|expected\s+to|intended\s+to|purpose|reasons?|in\s+recognition\s+of|given\s+(its|their|the)|since\s+(it|they|the))\b", RegexOptions.IgnoreCase)]
    private static partial Regex GivesReason();

    [GeneratedRegex(@"\b(according\s+to|by)\s+[A-Z]", RegexOptions.None)]
    private static partial Regex GivesAgent();
}
