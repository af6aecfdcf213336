using ChatBot.Core.Intents;

namespace ChatBot.Core.Tests.Intents;

public sealed class IntentClassifierTests
{
    /// <summary>
    /// Issue #5's bar for 5-fold macro F1, near-duplicates kept in one fold. Reached: 0.903 with the word vectors, the
    /// transliteration, the typo fallback and 2,390 examples (0.864 before them) — a thin margin, so a dialogs/ edit
    /// that costs more than 0.003 fails here.
    /// </summary>
    private const double IssueMacroF1 = 0.90;

    private static readonly ChatBotPaths Paths = ChatBotPaths.Locate();

    [Fact]
    public void Committed_model_matches_the_dialogs_and_fact_questions_it_was_trained_on()
    {
        var data = IntentTrainingSource.Load(Paths);
        TrainingDataHash.Read(IntentTrainer.HashFileFor(Paths.IntentModel)).ShouldBe(data.Hash, "run `chatbot train` and commit models/");
    }

    [Fact]
    public void Cross_validated_macro_F1_meets_the_issue_bar()
    {
        var data = IntentTrainingSource.Load(Paths);
        var report = IntentCrossValidation.Run(data, IntentTrainerCandidate.Default);
        report.MacroF1.ShouldBeGreaterThanOrEqualTo(IssueMacroF1, report.FormatTable());
    }

    [Fact]
    public void Model_loaded_from_disk_scores_like_the_model_just_trained()
    {
        // The committed zip holds only the ML.NET pipeline; the normalizer is rebuilt from models/entities.yaml at load.
        // If the two ever disagreed, the loaded model would be fed text unlike what it was trained on.
        using var copy = new RepoCopy(Paths);
        var trained = new IntentTrainer().Train(IntentTrainingSource.Load(copy.Paths), [IntentTrainerCandidate.Default]);
        IntentTrainer.Save(trained, copy.Paths.IntentModel);
        var loaded = IntentTrainingSource.LoadClassifier(copy.Paths);
        foreach (var text in new[] { "Who is Kim Gun?", "hundai factory in almaty", "KHNP bid for the nuclear plant", "trade in 2019", "👋" })
        {
            var expected = trained.Classifier().Classify(text);
            var actual = loaded.Classify(text);
            actual.Top.Intent.ShouldBe(expected.Top.Intent, text);
            actual.Top.Score.ShouldBe(expected.Top.Score, 1e-6, text);
        }
    }

    [Fact]
    public void Edited_entity_aliases_make_the_committed_model_stale()
    {
        using var copy = new RepoCopy(Paths);
        var before = IntentTrainingSource.Load(copy.Paths).Hash;
        File.AppendAllText(copy.Paths.Entities, "\n  - name: Aigerim Testova\n    kind: person\n    aliases: [Ambassador Testova]\n");
        IntentTrainingSource.Load(copy.Paths).Hash.ShouldNotBe(before);
    }

    [Fact]
    public void Classifier_ranks_every_intent_and_scores_sum_to_one()
    {
        var classifier = IntentTrainingSource.LoadClassifier(Paths);
        var ranking = classifier.Classify("how much did kazakhstan and korea trade");
        ranking.Top.Intent.ShouldBe("trade");
        ranking.Ranked.Count.ShouldBe(DialogCatalog.Load(Paths.Dialogs).Dialogs.Count);
        ranking.Ranked.Sum(s => s.Score).ShouldBe(1, 1e-6);
    }

    [Fact]
    public async Task Classifier_is_safe_to_share_between_threads()
    {
        var classifier = IntentTrainingSource.LoadClassifier(Paths);
        var expected = classifier.Classify("who is the korean ambassador").Top.Intent;
        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() => classifier.Classify("who is the korean ambassador").Top.Intent)));
        results.ShouldAllBe(r => r == expected);
    }

    [Fact]
    public void Changed_dialogs_stop_the_load_naming_chatbot_train_and_leave_models_untouched()
    {
        using var copy = new RepoCopy(Paths);
        File.WriteAllText(Path.Combine(copy.Paths.Dialogs, "greeting.yaml"),
            File.ReadAllText(Path.Combine(copy.Paths.Dialogs, "greeting.yaml")).Replace("examples:\n", "examples:\n  - hello from a changed file\n"));
        var before = copy.ModelsSnapshot();
        var error = Should.Throw<IntentModelException>(() => IntentTrainingSource.LoadClassifier(copy.Paths));
        error.Message.ShouldContain("is stale");
        error.Message.ShouldContain("`chatbot train`");
        copy.ModelsSnapshot().ShouldBe(before);
    }

    [Fact]
    public void An_edited_lexicon_makes_the_committed_model_stale()
    {
        using var copy = new RepoCopy(Paths);
        var before = IntentTrainingSource.Load(copy.Paths).Hash;
        File.WriteAllText(copy.Paths.Lexicon, File.ReadAllText(copy.Paths.Lexicon).Replace("  \"let's\": let us\n", "  \"let's\": let us\n  \"y'all\": you all\n"));
        IntentTrainingSource.Load(copy.Paths).Hash.ShouldNotBe(before);
    }

    [Fact]
    public void Missing_model_gives_a_clear_message()
    {
        using var copy = new RepoCopy(Paths);
        File.Delete(copy.Paths.IntentModel);
        var error = Should.Throw<IntentModelException>(() => IntentTrainingSource.LoadClassifier(copy.Paths));
        error.Message.ShouldContain("no intent model");
        error.Message.ShouldContain("`chatbot train`");
    }

    [Fact]
    public void Corrupt_model_gives_a_clear_message()
    {
        using var copy = new RepoCopy(Paths);
        File.WriteAllText(copy.Paths.IntentModel, "not a zip");
        var error = Should.Throw<IntentModelException>(() => IntentTrainingSource.LoadClassifier(copy.Paths));
        error.Message.ShouldContain("cannot be read");
        error.Message.ShouldContain("`chatbot train`");
    }

    [Fact]
    public void Broken_dialog_file_is_reported_with_its_name_and_fix()
    {
        using var copy = new RepoCopy(Paths);
        File.WriteAllText(Path.Combine(copy.Paths.Dialogs, "trade.yaml"), "intent: trade\nhandler: telepathy\nexamples: [a]\n");
        var error = Should.Throw<DialogDataException>(() => DialogCatalog.Load(copy.Paths.Dialogs));
        error.Message.ShouldContain("trade.yaml");
        error.Message.ShouldContain("telepathy");
    }

    /// <summary>A throwaway copy of dialogs/, models/ and seeds/ for tests that change data.</summary>
    private sealed class RepoCopy : IDisposable
    {
        private readonly string _root = Path.Combine(Path.GetTempPath(), $"chatbot-{Guid.NewGuid():N}");

        public RepoCopy(ChatBotPaths source)
        {
            foreach (var folder in new[] { "dialogs", "models", "seeds" })
            {
                var target = Path.Combine(_root, folder);
                Directory.CreateDirectory(target);
                foreach (var file in Directory.GetFiles(Path.Combine(source.Root, folder)))
                {
                    File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
                }
            }
            Paths = new ChatBotPaths(_root);
        }

        public ChatBotPaths Paths { get; }

        /// <summary>Every file of models/ with its bytes' hash, to show a load wrote nothing there.</summary>
        public Dictionary<string, string> ModelsSnapshot() =>
            Directory.GetFiles(Paths.Models).Order(StringComparer.Ordinal)
                .ToDictionary(f => Path.GetFileName(f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));

        public void Dispose() => Directory.Delete(_root, recursive: true);
    }
}
