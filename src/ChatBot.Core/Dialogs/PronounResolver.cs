using System.Text.RegularExpressions;
using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Dialogs;

/// <summary>
/// Reads the pronouns of a follow-up against the conversation: "he"/"she" is the person, "it" the document, event or
/// organisation, "they" the group the last question named, "there" its place — "who did
/// he meet with" after Kim Gunn becomes "who did Kim Gunn meet with". A title stands for the person it fits: "the
/// envoy", "that president" after an answer naming Koo Hong-seok or Lee Myung-bak (their <c>titles</c> in
/// models/entities.yaml). A pronoun or title with no fitting referent is left alone.
/// </summary>
public sealed partial class PronounResolver
{
    private readonly KnowledgeBase _knowledge;
    private readonly Dictionary<int, NamedEntity> _byTerm = [];
    private readonly HashSet<string> _countries; // the places nearly every fact names: "it" and "they" never mean them
    private readonly Dictionary<string, Regex[]> _titles = new(StringComparer.Ordinal); // a person's "the <title>", longest title first

    public PronounResolver(KnowledgeBase knowledge)
    {
        _knowledge = knowledge;
        foreach (var entity in knowledge.Entities.Entities)
        {
            if (knowledge.Lexicon.EntityTermId(entity.Name) is var term and >= 0)
            {
                _byTerm[term] = entity;
            }
        }
        _countries = new HashSet<string>(knowledge.Countries.Select(e => e.Name), StringComparer.OrdinalIgnoreCase);
        foreach (var person in knowledge.Entities.Entities.Where(e => e.Kind == "person" && e.Titles.Count > 0))
        {
            _titles[person.Name] = [.. person.Titles.OrderByDescending(t => t.Length).Select(title => new Regex(
                $@"\b(the|that|this)\s+{Regex.Escape(title).Replace(@"\ ", @"\s+")}\b",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled))];
        }
    }

    /// <summary>
    /// The message with its pronouns replaced by what they refer to (or the message as it was), and whether it speaks
    /// of a person of the last turn by a title ("what did the envoy say") or as "he"/"she" ("how long had he been
    /// ambassador by then"): such a message leans on that turn however long it is, up to <see cref="MaxReferringWords"/> words.
    /// </summary>
    public (string Resolved, bool RefersToPerson) Read(string text, ConversationState state)
    {
        var (named, answered, candidates) = Referents(state);
        var titled = ByTitle(text, candidates);
        var refersToPerson = state.LastQuestion is not null
            && text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= MaxReferringWords
            && (!ReferenceEquals(titled, text) || PersonPronoun().IsMatch(text) && candidates.Any(c => c.Kind == "person"));
        return (Resolve(text, titled, named, answered, candidates), refersToPerson);
    }

    private string Resolve(string text, string titled, List<NamedEntity> named, List<NamedEntity> answered, List<NamedEntity> candidates)
    {
        var said = PersonPronoun().Match(text) is { Success: true } m ? (m.Value.ToLowerInvariant() is "she" or "her" or "hers" ? "she" : "he") : null;
        var person = candidates.FirstOrDefault(e => e.Kind == "person" && (said is null || e.Pronoun is null || e.Pronoun == said));
        var thing = candidates.FirstOrDefault(e => e.Kind is "document" or "event" or "organisation" || e.Kind == "place" && !_countries.Contains(e.Name));
        var group = named.FirstOrDefault(e => e.Kind == "organisation");
        var place = named.FirstOrDefault(e => e.Kind == "place") ?? answered.FirstOrDefault(e => e.Kind == "place");

        var resolved = ByKind(titled, candidates);
        if (person is not null)
        {
            resolved = PersonPronoun().Replace(resolved, person.Name);
        }
        if (thing is not null)
        {
            resolved = ThingPronoun().Replace(resolved, thing.Name);
        }
        if (group is not null)
        {
            resolved = GroupPronoun().Replace(resolved, group.Name);
        }
        if (place is not null)
        {
            resolved = There().Replace(resolved, "in " + place.Name);
        }
        return resolved;
    }

    /// <summary>Past this many words a message is read as a question of its own, whatever it refers to.</summary>
    public const int MaxReferringWords = 16;

    /// <summary>What the last turn named: in its question, in its answer, and both in that order.</summary>
    private (List<NamedEntity> Named, List<NamedEntity> Answered, List<NamedEntity> Candidates) Referents(ConversationState state)
    {
        var named = NamedIn(state.LastQuestion);
        var answered = state.LastEntities.Select(e => _knowledge.Entities.Resolve(e)).OfType<NamedEntity>().ToList();
        if (state.LastQuestion is { } last && AsksWho().IsMatch(last))
        {
            // "who was the envoy interviewed before Park's visit" → Bakishev: the person the answer named is the one a
            // "he" next refers to, not the one the question named on the way.
            var people = answered.Where(e => e.Kind == "person").ToList();
            named = [.. people, .. named.Where(e => !people.Contains(e))];
        }
        // The people of the turns before, most recent first, after the last turn's own: "he" two turns after Roh
        // Moo-hyun's visit is still Roh when the turn between named no one.
        var earlier = state.Asked.Reverse().Skip(1).Take(EarlierTurns)
            .SelectMany(t => NamedIn(t.Question).Concat(FactStore.EntitiesOf(_knowledge.Store.FindAll(t.FactIds)).Select(e => _knowledge.Entities.Resolve(e)).OfType<NamedEntity>()))
            .Where(e => e.Kind == "person");
        return (named, answered, named.Concat(answered).Concat(earlier).DistinctBy(e => e.Name).ToList());
    }

    /// <summary>How many turns before the last one a "he"/"she" or a title may still reach back to.</summary>
    private const int EarlierTurns = 2;

    /// <summary>
    /// "that city", "this company", "that agreement": a demonstrative and a word for a kind of thing stand for the
    /// first entity of the last turn of that kind (never one of the two countries every fact is about).
    /// </summary>
    private string ByKind(string text, IReadOnlyList<NamedEntity> candidates)
    {
        var match = KindReference().Match(text);
        if (!match.Success)
        {
            return text;
        }
        var noun = match.Groups["noun"].Value.ToLowerInvariant();
        var kinds = KindsOf(noun);
        var entity = candidates.FirstOrDefault(c => kinds.Contains(c.Kind) && !_countries.Contains(c.Name));
        return entity is null ? text : string.Concat(text.AsSpan(0, match.Index), entity.Name, text.AsSpan(match.Index + match.Length));
    }

    /// <summary>The entity kinds (models/entities.yaml) a word for a kind of thing may stand for.</summary>
    private static string[] KindsOf(string noun) => noun switch
    {
        "city" or "town" or "place" or "port" or "region" or "province" or "oblast" or "site" or "plant" or "project"
            or "centre" or "center" or "park" or "road" or "field" or "factory" => ["place"],
        "company" or "firm" or "bank" or "corporation" or "group" or "organisation" or "organization" or "fund"
            or "agency" or "newspaper" or "paper" or "magazine" or "body" or "committee" or "commission" => ["organisation"],
        "agreement" or "treaty" or "declaration" or "document" or "deal" or "statement" or "programme" or "program"
            or "strategy" or "award" or "order" or "decoration" or "initiative" => ["document"],
        _ => ["event"], // visit, trip, summit, meeting, consultation, event, anniversary, festival
    };

    [GeneratedRegex(@"\b(that|this)\s+(?<noun>city|town|place|port|region|province|oblast|site|plant|project|centre|center|park|road|field|factory|company|firm|bank|corporation|group|organisation|organization|fund|agency|newspaper|paper|magazine|body|committee|commission|agreement|treaty|declaration|document|deal|statement|programme|program|strategy|award|order|decoration|initiative|visit|trip|summit|meeting|consultation|event|anniversary|festival)\b", RegexOptions.IgnoreCase)]
    private static partial Regex KindReference();

    /// <summary>
    /// "the envoy", "that president": a title after "the"/"that"/"this" becomes the name of the first person of
    /// the conversation's last turn who holds it (a longer title first: "first deputy minister" before "minister").
    /// </summary>
    private string ByTitle(string text, IReadOnlyList<NamedEntity> candidates)
    {
        foreach (var person in candidates.Where(c => c.Kind == "person"))
        {
            foreach (var reference in _titles.GetValueOrDefault(person.Name) ?? [])
            {
                if (reference.IsMatch(text))
                {
                    return reference.Replace(text, person.Name, 1);
                }
            }
        }
        return text;
    }

    /// <summary>The entities a text names, in order.</summary>
    private List<NamedEntity> NamedIn(string? text)
    {
        var found = new List<NamedEntity>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return found;
        }
        var analyzed = new AnalyzedText();
        _knowledge.Lexicon.Analyze(text, correctTypos: true, analyzed);
        foreach (var term in analyzed.Terms)
        {
            if (_byTerm.TryGetValue(term, out var entity) && !found.Contains(entity))
            {
                found.Add(entity);
            }
        }
        return found;
    }

    [GeneratedRegex(@"\b(he|she|him|his|her|hers)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PersonPronoun();

    /// <summary>A question asking for a person: "who was …", "who's the …", "which ambassador …".</summary>
    [GeneratedRegex(@"^\W*(who|whom|whose)\b|\bwhich\s+(ambassador|envoy|president|minister|official|person|leader|diplomat)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AsksWho();

    [GeneratedRegex(@"\b(it|its)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ThingPronoun();

    [GeneratedRegex(@"\b(they|them|their)\b", RegexOptions.IgnoreCase)]
    private static partial Regex GroupPronoun();

    /// <summary>"there" as a place ("what did he sign there"), not as in "is there" or "there are".</summary>
    [GeneratedRegex(@"(?<!\b(is|are|was|were|be)\s+)\bthere\b(?!\s+(is|are|was|were|be|been)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex There();
}
