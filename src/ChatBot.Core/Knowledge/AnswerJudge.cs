namespace ChatBot.Core.Knowledge;

/// <summary>
/// The answer model's verdict on one retrieval: the probability of each of its first candidates, the one it would
/// answer with (the most probable), and whether that one reaches the model's threshold.
/// </summary>
public sealed record Judgement(int Index, double Probability, bool Answers, IReadOnlyList<double> Probabilities, IReadOnlyList<float[]> Features)
{
    public static Judgement Nothing { get; } = new(-1, 0, false, [], []);

    /// <summary>The model's threshold the probability was held against.</summary>
    public double Threshold { get; init; }
}

/// <summary>
/// Weighs a retrieval's first <see cref="Candidates"/> facts with the <see cref="AnswerModel"/>: the most probable
/// one answers when its probability reaches the model's threshold. Reads what the retrieval already holds; scans nothing.
/// </summary>
public sealed class AnswerJudge(AnswerModel model, AnswerFeatures features, double? threshold = null)
{
    /// <summary>How many of a retrieval's first facts the model weighs (and training gave it to learn from).</summary>
    public const int Candidates = FactRetriever.WordHead + FactRetriever.DenseCandidates;

    public AnswerModel Model { get; } = model;

    /// <summary>The probability the best candidate needs: the model's own, unless overridden in the options.</summary>
    public double Threshold { get; } = threshold ?? model.Threshold;

    public AnswerFeatures Features { get; } = features;

    /// <summary>
    /// When the model refused: whether it would answer were it not for a year or a country the question names and
    /// the fact does not hold — the subject is in the documents, the constraint is not. Then the constraint, and the
    /// candidates of the same topic the model accepts without it (oldest first, at most three).
    /// </summary>
    public (string Constraint, IReadOnlyList<Fact> Held)? NearMiss(string question, FactRetrieval retrieval, IntentEvidence intent, bool usedContext, FactMeaning? meaning = null)
    {
        var signals = Features.Read(question);
        if (signals.Years.Count == 0 && signals.Countries.Count == 0)
        {
            return null;
        }
        var relaxedMeaning = meaning?.Match(Features.Unconstrained(question));
        var count = Math.Min(Candidates, retrieval.Facts.Count);
        var accepted = new List<Fact>();
        for (var i = 0; i < count; i++)
        {
            var strict = Features.Of(signals, retrieval, i, intent, usedContext);
            var doc = relaxedMeaning is null ? -1 : meaning!.IndexOf(retrieval.Facts[i].Fact.Id);
            if (Model.Probability(AnswerFeatures.WithoutConstraints(strict, signals, retrieval, doc < 0 ? null : (relaxedMeaning!, doc))) >= Threshold)
            {
                accepted.Add(retrieval.Facts[i].Fact);
            }
        }
        if (accepted.Count == 0)
        {
            return null;
        }
        var first = accepted[0];
        var missing = Features.MissingConstraints(signals, first);
        if (missing.Count == 0)
        {
            return null; // the fact holds what the question names: the refusal was for something else
        }
        // What the documents hold on that subject: the facts the model accepts without the constraint, and beside them
        // the candidates of the same topic that give the kind of answer asked for (the figures of other years).
        var siblings = retrieval.Facts.Take(count).Where(r => signals.Asks != AnswerType.None && r.GivesKindAsked).Select(r => r.Fact);
        var held = accepted.Concat(siblings).Distinct().Where(f => f.Topic == first.Topic && Features.MissingConstraints(signals, f).Count > 0)
            .OrderBy(f => f.AsOf is null).ThenBy(f => f.AsOf ?? string.Empty, StringComparer.Ordinal).Take(3).ToList();
        return (string.Join(" or ", missing), held);
    }

    public Judgement Judge(string question, FactRetrieval retrieval, IntentEvidence intent, bool usedContext)
    {
        var count = Math.Min(Candidates, retrieval.Facts.Count);
        if (count == 0)
        {
            return Judgement.Nothing;
        }
        var probabilities = new double[count];
        var vectors = new float[count][];
        var best = -1;
        var signals = Features.Read(question);
        for (var i = 0; i < count; i++)
        {
            vectors[i] = Features.Of(signals, retrieval, i, intent, usedContext);
            probabilities[i] = Model.Probability(vectors[i]);
            // A fact that lacks a year or a country the question names never answers it (that is a near miss at
            // best), nor one about other people than the question names.
            var fact = retrieval.Facts[i].Fact;
            var fails = Features.MissingConstraints(signals, fact).Count > 0 || Features.MissingPeople(signals, fact).Count > 0;
            if (!fails && (best < 0 || probabilities[i] > probabilities[best]))
            {
                best = i;
            }
        }
        if (best < 0)
        {
            var first = Array.IndexOf(probabilities, probabilities.Max());
            return new Judgement(first, probabilities[first], false, probabilities, vectors) { Threshold = Threshold };
        }
        return new Judgement(best, probabilities[best], probabilities[best] >= Threshold, probabilities, vectors) { Threshold = Threshold };
    }
}
