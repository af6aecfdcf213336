using ChatBot.Core.Evaluation;
using ChatBot.Core.Intents;
using ChatBot.Core.Knowledge;
using Microsoft.ML;

namespace ChatBot.Core.Training;

/// <summary>
/// The questions the answer model learns from, each with its candidate facts featurized as a live turn would see
/// them: every fact's own question forms (scored by a retriever and an intent model that were built without that
/// form: a form trivially matches itself), the out-of-scope examples of dialogs/ (no right fact; their intent scores
/// also out of fold), and the dev set's questions that are not held out (their expected facts right, the rest wrong).
/// </summary>
public static class AnswerTrainingSet
{
    public const int Folds = 5;

    /// <summary>
    /// How much a fact's own question form counts against a user's question; 0 leaves the forms out. Each form is
    /// scored by a retriever and an intent model built without it, its vector left out of the fact's too (a form
    /// trivially matches itself). They teach the model only: the threshold and the cross-validated figures are
    /// measured on the other questions (<see cref="AnswerTrainingQuestion.Measured"/>). With matching by meaning,
    /// measured on the fresh tuning half (docs/answering.md): 0.3 answers 76.2 % right against 71.3 % without them,
    /// 1 gives 73.0 %; before meaning they cut it (51 % at weight 1).
    /// </summary>
    public const float FormWeight = 0.3f;

    /// <summary>
    /// How much a curated near miss (<c>models/near-misses.yaml</c>) counts against a user's question. They are
    /// questions on a fact's subject that no seed answers, so every candidate is wrong for them.
    /// </summary>
    public const float NearMissWeight = 1f;

    /// <summary>
    /// Whether a held-out form is read with a vocabulary built without the forms of its fold, as a user's question is
    /// read with one built without it: otherwise every word of every form is known, and the model learns that an
    /// unknown word marks a question no fact answers.
    /// </summary>
    public const bool HeldFormsUnknown = true;

    /// <summary>Whether the near misses are measured with the users' questions (threshold, cross-validated figures).</summary>
    public const bool NearMissesMeasured = false;

    /// <summary>
    /// How much a question of a fresh set's tuning half (<c>chatbot train --fresh</c>) counts against a dev-set
    /// question. They are users' questions written from the seeds alone, measured like the dev set's.
    /// </summary>
    public const float FreshWeight = 1f;

    /// <summary>
    /// The training questions, with the single questions of fresh sets' tuning halves (<paramref name="fresh"/>, their
    /// facts found by their seed lines) read as the dev set's are, at <see cref="FreshWeight"/>, with their constraint
    /// variants.
    /// </summary>
    public static IReadOnlyList<AnswerTrainingQuestion> Build(
        KnowledgeBase knowledge, AnswerFeatures features, IntentTrainingData data, IntentClassifier classifier,
        IReadOnlyList<DevQuestion> devQuestions, IReadOnlyList<NearMissForm> nearMisses, IReadOnlyList<DevQuestion> fresh, CancellationToken cancellationToken = default)
    {
        var outOfScopeIntent = data.Dialogs.Dialogs.FirstOrDefault(d => d.Handler == HandlerKind.OutOfScope)?.Intent ?? DevQuestion.OutOfScope;
        var questions = new List<AnswerTrainingQuestion>();
        var examples = data.DialogExamples;
        var dialogFold = IntentCrossValidation.AssignFolds(examples, data.NearDuplicates, Folds, IntentTrainer.Seed);
        var forms = knowledge.Facts.SelectMany(f => f.Questions.Select((q, j) => (Fact: f, Text: q, Fold: (j + Spread(f.Id)) % Folds))).ToList();
        for (var k = 0; k < Folds; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var heldForms = forms.Where(f => f.Fold == k).ToList();
            var heldTexts = heldForms.Select(f => f.Text.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
            var heldOut = examples.Where((e, i) => dialogFold[i] == k && e.Label == outOfScopeIntent).ToList();

            // An intent model and a retriever that never saw this fold's examples and forms.
            var ml = new MLContext(IntentTrainer.Seed);
            var train = data.Normalizer.NormalizeAll(examples.Where((_, i) => dialogFold[i] != k)
                .Concat(data.FactQuestions.Where(q => !heldTexts.Contains(q.Text.ToLowerInvariant()))));
            var intentModel = IntentPipeline.BuildPipeline(ml, IntentTrainerCandidate.Default).Fit(ml.Data.LoadFromEnumerable(train));
            var toRank = heldOut.Select(e => e.Text).Concat(heldForms.Select(f => f.Text)).ToList();
            var rankings = IntentModelColumns.RankBatch(ml, intentModel, data.Normalizer.NormalizeAll(toRank.Select(t => new IntentExample { Text = t, Label = outOfScopeIntent })));
            var facts = knowledge.Facts.Select(f => f with { Questions = [.. f.Questions.Where(q => !heldTexts.Contains(q.ToLowerInvariant()))] }).ToList();
            var lexicon = HeldFormsUnknown ? KnowledgeBase.LexiconOf(knowledge.Corpus, facts, knowledge.Entities, knowledge.Lexicon.Words) : knowledge.Lexicon;
            var retriever = new FactRetriever(facts, lexicon, knowledge.Entities, knowledge.Options, knowledge.Meaning?.Restricted(knowledge.Facts, facts));

            for (var i = 0; i < heldOut.Count; i++)
            {
                questions.Add(Question(retriever, features, heldOut[i].Text, [], "oos:" + heldOut[i].Text, Evidence(rankings[i], outOfScopeIntent), knowledge.Topics, "dialogs/out_of_scope"));
            }
            for (var i = 0; i < heldForms.Count && FormWeight > 0; i++)
            {
                var form = heldForms[i];
                questions.Add(Question(retriever, features, form.Text, [form.Fact.Id], form.Fact.Id, Evidence(rankings[heldOut.Count + i], outOfScopeIntent), knowledge.Topics, "fact question form")
                    with { Weight = FormWeight, Measured = false });
            }
        }
        foreach (var (dev, origin, weight) in devQuestions.Select(q => (q, "dev set", 1f)).Concat(fresh.Select(q => (q, "fresh tuning half", FreshWeight)))
            .Where(d => !d.Item1.Holdout && d.Item1.After is null && (d.Item1.IsOutOfScope || d.Item1.Facts.Count > 0)))
        {
            var evidence = Evidence(classifier.Classify(dev.Q), outOfScopeIntent);
            var group = dev.IsOutOfScope ? "oos:" + dev.Q : dev.Facts[0];
            questions.Add(Question(knowledge.Retriever, features, dev.Q, dev.Facts, group, evidence, knowledge.Topics, origin) with { Weight = weight });
        }
        questions.AddRange(ConstraintVariants(knowledge, features, classifier, devQuestions, outOfScopeIntent, "constraint variant of the dev set", 1f));
        questions.AddRange(ConstraintVariants(knowledge, features, classifier, fresh, outOfScopeIntent, "constraint variant of a fresh tuning half", FreshWeight));
        // Each near miss is read by a retriever whose meaning lacks its fold's near-miss vectors: a near miss trivially
        // matches itself, as a form does.
        // A fact's j-th near miss (in file order, as FactMeaning holds them) falls in fold (j + Spread(fact)) % Folds.
        var nearMissFold = nearMisses.GroupBy(n => n.FactId, StringComparer.Ordinal)
            .SelectMany(g => g.Select((n, j) => (NearMiss: n, Fold: (j + Spread(g.Key)) % Folds))).ToList();
        var factIds = knowledge.Facts.Select(f => f.Id).ToList();
        for (var k = 0; k < Folds && nearMissFold.Count > 0; k++)
        {
            var fold = k;
            var retriever = knowledge.Meaning is null ? knowledge.Retriever : new FactRetriever(knowledge.Facts, knowledge.Lexicon, knowledge.Entities, knowledge.Options,
                knowledge.Meaning.WithoutNearMisses((i, j) => (j + Spread(factIds[i])) % Folds == fold));
            foreach (var nearMiss in nearMissFold.Where(n => n.Fold == fold).Select(n => n.NearMiss))
            {
                // Grouped with its fact, so cross-validation never learns a fact's near misses and is tested on its forms.
                var evidence = Evidence(classifier.Classify(nearMiss.Question), outOfScopeIntent);
                questions.Add(Question(retriever, features, nearMiss.Question, [], nearMiss.FactId, evidence, knowledge.Topics, "curated near miss (models/near-misses.yaml)")
                    with { Weight = NearMissWeight, Measured = NearMissesMeasured });
            }
        }
        return questions;
    }

    /// <summary>Third countries named nowhere in the seeds, for <see cref="ConstraintVariants"/>.</summary>
    private static readonly string[] ThirdCountries = ["Japan", "China", "Uzbekistan", "Germany", "Turkey", "India", "the US", "France", "Mongolia"];

    /// <summary>Years no seed gives a figure for (before the ties, after the documents), for <see cref="ConstraintVariants"/>.</summary>
    private static readonly string[] AbsentYears = ["1975", "1984", "2031", "2040"];

    /// <summary>
    /// Near misses made from the dev set's answerable questions: the same question about a third country ("... in
    /// Japan"), for a year no document covers ("... in 2031"), or as said by a person its fact does not name
    /// ("... according to Kim Gunn"). Every candidate is wrong for them — the subject is
    /// held, the constraint is not — so the model learns that a failed constraint counts against, not for nothing.
    /// </summary>
    private static IEnumerable<AnswerTrainingQuestion> ConstraintVariants(
        KnowledgeBase knowledge, AnswerFeatures features, IntentClassifier classifier, IReadOnlyList<DevQuestion> devQuestions, string outOfScopeIntent, string origin, float weight)
    {
        var answerable = devQuestions.Where(q => !q.Holdout && q.After is null && !q.IsOutOfScope && q.Facts.Count > 0).ToList();
        var people = knowledge.Entities.Entities.Where(e => e.Kind is "person").OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
        for (var i = 0; i < answerable.Count; i++)
        {
            var dev = answerable[i];
            var stem = dev.Q.TrimEnd('?', '.', '!', ' ');
            var fact = knowledge.Store.Find(dev.Facts[0]);
            var absent = people.Where(p => fact is null || !fact.Entities.Contains(p.Name, StringComparer.OrdinalIgnoreCase)).ToList();
            var variant = (i % 3) switch
            {
                0 => $"{stem} {(i % 2 == 0 ? "in" : "for")} {ThirdCountries[i / 3 % ThirdCountries.Length]}",
                1 => $"{stem} in {AbsentYears[i / 3 % AbsentYears.Length]}",
                _ when absent.Count > 0 => $"{stem} according to {absent[i / 3 % absent.Count].Name}",
                _ => $"{stem} in {AbsentYears[i / 3 % AbsentYears.Length]}",
            };
            var evidence = Evidence(classifier.Classify(variant), outOfScopeIntent);
            yield return Question(knowledge.Retriever, features, variant, [], dev.Facts[0], evidence, knowledge.Topics, origin) with { Weight = weight };
        }
    }

    /// <summary>What the classifier said, as the answer model reads it at a turn.</summary>
    public static IntentEvidence Evidence(IntentRanking ranking, string outOfScopeIntent) =>
        new(ranking.Top.Intent, ranking.Top.Score, ranking.Ranked.FirstOrDefault(r => r.Intent == outOfScopeIntent)?.Score ?? 0);

    /// <summary>
    /// One question's candidates as a turn ranks them: the first facts without an intent prior, and with the top
    /// intent as a prior when it is a topic (the turn weighs both).
    /// </summary>
    private static AnswerTrainingQuestion Question(
        FactRetriever retriever, AnswerFeatures features, string text, IReadOnlyCollection<string> right, string group,
        IntentEvidence evidence, TopicCatalog topics, string origin)
    {
        var question = KnowledgeDecider.RetrievalText(text);
        var candidates = retriever.Candidates(question);
        var rankings = new List<FactRetrieval> { candidates.Rank(top: AnswerJudge.Candidates) };
        if (topics.Contains(evidence.TopIntent))
        {
            rankings.Add(candidates.Rank(evidence.TopIntent, top: AnswerJudge.Candidates));
        }
        var rows = new List<(float[], bool)>();
        var signals = features.Read(question);
        foreach (var retrieval in rankings)
        {
            for (var i = 0; i < retrieval.Facts.Count; i++)
            {
                rows.Add((features.Of(signals, retrieval, i, evidence, usedContext: false), right.Contains(retrieval.Facts[i].Fact.Id)));
            }
        }
        return new AnswerTrainingQuestion(text, group, right.Count > 0, rows, origin);
    }

    private static int Spread(string id)
    {
        var hash = 7;
        foreach (var ch in id)
        {
            hash = unchecked(hash * 31 + ch);
        }
        return (int)((uint)hash % Folds);
    }
}
