using System.CommandLine;
using ChatBot.Core;
using ChatBot.Core.Evaluation;
using ChatBot.Core.Intents;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Training;
using Microsoft.Extensions.Configuration;

namespace ChatBot.Cli;

/// <summary>
/// <c>chatbot train</c>: compares the intent trainers by 5-fold cross-validation (near-duplicate examples kept in one
/// fold) and writes models/intent-classifier.zip with the hash of the data it learned from; then trains the answer
/// model (answer or refuse) on the fact forms, dialogs/ out-of-scope examples and the dev set, cross-validated by
/// fact, and writes models/answer-model.zip with its threshold, calibration and hash.
/// </summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var root = CliOptions.Root();
        var questions = new Option<string>("--questions") { Description = "The dev set the answer model learns from (its non-holdout questions)", DefaultValueFactory = _ => "tests/data/questions.yaml" };
        var target = new Option<double>("--target-wrong-rate") { Description = "The share of training questions (cross-validated) the answer model may answer wrongly at its threshold", DefaultValueFactory = _ => AnswerModelTrainer.DefaultTargetWrongRate };
        // By default the trainer cross-validation prefers (docs/answering.md, "Choosing the trainer"): since the seventh
        // session FastTree (16 leaves); the four fresh tuning halves do not separate it from FastTree (8 leaves).
        var trainer = new Option<string?>("--answer-trainer") { Description = "The answer-model trainer to keep, by its printed name; empty = the one cross-validation prefers" };
        var fresh = new Option<string[]>("--fresh")
        {
            // On by default since the eighth session: learning from the four tuning halves then written lifted the unseen
            // fifth set's tuning half from 71.7 % to 87.0 % of out-of-scope questions refused and cut its confidently
            // wrong answers from 11.2 % to 6.2 % (docs/answering.md, "Eighth session").
            Description = $"Fresh sets' tuning halves the answer model also learns from (their single questions; repeatable); a final half is refused. Default: every {FreshTuningPattern} under the root",
        };
        var withoutFresh = new Option<bool>("--without-fresh") { Description = "Learn from no fresh set's tuning half (the dev set, dialogs/ and the facts only)" };
        var answerOnly = new Option<bool>("--answer-model-only") { Description = "Keep the committed intent model (it must be current) and train the answer model alone" };
        var encoder = new Option<string?>("--encoder") { Description = $"The sentence encoder of the fact vectors: {string.Join(", ", FactMeaning.EncoderNames)}; empty = the one models/fact-vectors.bin names (static when there is none)" };
        var command = new Command("train", "Train the intent classifier and the answer model from dialogs/, the facts and the dev set, and save them to models/: the only command that writes there.") { root, questions, target, answerOnly, trainer, encoder, fresh, withoutFresh };
        command.SetAction((result, cancellationToken) => CliErrors.Guard(() =>
        {
            var paths = CliOptions.Paths(result, root);
            var data = IntentTrainingSource.Load(paths);
            var answerTrainer = result.GetValue(trainer) is { Length: > 0 } named ? named : null;
            var encoderName = result.GetValue(encoder) is { Length: > 0 } e ? e : CurrentEncoder(paths);
            if (!FactMeaning.EncoderNames.Contains(encoderName))
            {
                Console.Error.WriteLine($"error: no encoder \"{encoderName}\"; use one of {string.Join(", ", FactMeaning.EncoderNames)}.");
                return Task.FromResult(2);
            }
            BuildFactVectors(paths, encoderName);
            if (result.GetValue(answerOnly))
            {
                TrainAnswerModel(paths, data, IntentTrainingSource.LoadClassifier(paths, cancellationToken), result.GetValue(questions)!, FreshFiles(paths, result.GetValue(fresh), result.GetValue(withoutFresh)), result.GetValue(target), answerTrainer, cancellationToken);
                return Task.FromResult(0);
            }
            Console.WriteLine($"{data.Dialogs.Dialogs.Count} intents, {data.DialogExamples.Count} dialog examples, {data.FactQuestions.Count} fact questions; " +
                $"{NearDuplicateCount(data)} examples have a near-duplicate and share its fold");
            foreach (var warning in data.Dialogs.Warnings)
            {
                Console.WriteLine($"warning: {warning}");
            }
            var trained = new IntentTrainer().Train(data, cancellationToken: cancellationToken);
            foreach (var c in trained.Comparison)
            {
                Console.WriteLine($"  {c.Trainer.Name,-40} 5-fold macro F1 {c.CrossValidation.MacroF1:0.000}  accuracy {c.CrossValidation.Accuracy:0.000}  ({c.Elapsed.TotalSeconds:0.0} s)");
            }
            IntentTrainer.Save(trained, paths.IntentModel);
            Console.WriteLine($"kept {trained.Trainer.Name}; wrote {paths.IntentModel} and {IntentTrainer.HashFileFor(paths.IntentModel)} ({trained.DialogsHash[..12]})");

            TrainAnswerModel(paths, data, trained.Classifier(), result.GetValue(questions)!, FreshFiles(paths, result.GetValue(fresh), result.GetValue(withoutFresh)), result.GetValue(target), answerTrainer, cancellationToken);
            return Task.FromResult(0);
        }));
        return command;
    }

    /// <summary>The encoder the committed fact vectors were built with, so a plain <c>chatbot train</c> keeps it.</summary>
    private static string CurrentEncoder(ChatBotPaths paths)
    {
        var hash = Core.Meaning.FactVectors.HashFileFor(paths.FactVectors);
        var line = File.Exists(hash) ? File.ReadAllText(hash) : string.Empty;
        var at = line.IndexOf("encoder ", StringComparison.Ordinal);
        return at < 0 ? Core.Meaning.StaticSentenceEncoder.EncoderName : line[(at + 8)..].Split(' ')[0];
    }

    /// <summary>Encodes every fact's forms, answer and quote and writes models/fact-vectors.bin (+ .sha256).</summary>
    private static void BuildFactVectors(ChatBotPaths paths, string encoderName)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var knowledge = KnowledgeBase.Load(paths, meaning: false);
        var vectors = FactMeaning.Build(encoderName, paths, knowledge.Facts);
        vectors.Write(paths.FactVectors);
        Console.WriteLine($"fact vectors: {vectors.Facts.Count} facts encoded with {vectors.Encoder} ({vectors.EncoderFingerprint[..Math.Min(24, vectors.EncoderFingerprint.Length)]}) in {watch.Elapsed.TotalSeconds:0.0} s; " +
            $"wrote {paths.FactVectors} and {Path.GetFileName(Core.Meaning.FactVectors.HashFileFor(paths.FactVectors))} ({vectors.Hash[..12]})");
    }

    /// <summary>Where the fresh sets' tuning halves live: tests/data/&lt;set&gt;/tuning.yaml.</summary>
    private const string FreshTuningPattern = "tests/data/*/tuning.yaml";

    /// <summary>The tuning halves named, or with none named every one under the root, in name order; none at all with <c>--without-fresh</c>.</summary>
    private static IReadOnlyList<string> FreshFiles(ChatBotPaths paths, string[]? named, bool without)
    {
        if (without)
        {
            return [];
        }
        if (named is { Length: > 0 })
        {
            return named;
        }
        var data = Path.Combine(paths.Root, "tests", "data");
        return Directory.Exists(data)
            ? [.. Directory.GetDirectories(data).Select(d => Path.Combine(d, "tuning.yaml")).Where(File.Exists).Order(StringComparer.Ordinal)]
            : [];
    }

    private static void TrainAnswerModel(ChatBotPaths paths, IntentTrainingData data, IntentClassifier classifier, string questionsFile, IReadOnlyList<string> freshFiles, double target, string? trainer, CancellationToken cancellationToken)
    {
        // The retrieval knobs as the host reads them, so the features are the ones a live turn computes.
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(paths.Root, "appsettings.json"), optional: true).Build();
        var knowledge = KnowledgeBase.Load(paths, configuration.GetSection("Retrieval").Get<RetrievalOptions>());
        var features = AnswerFeatures.For(knowledge, paths);
        var file = Path.IsPathRooted(questionsFile) || File.Exists(questionsFile) ? questionsFile : Path.Combine(paths.Root, questionsFile);
        var dev = File.Exists(file) ? DevQuestionSet.Load(file) : [];
        var fresh = new List<DevQuestion>();
        foreach (var freshFile in freshFiles.Select(f => Path.IsPathRooted(f) || File.Exists(f) ? f : Path.Combine(paths.Root, f)))
        {
            if (!File.Exists(freshFile))
            {
                continue; // a clone without that set trains without it
            }
            if (FreshTrainingQuestions.IsFinalHalf(freshFile))
            {
                throw new ChatBotDataException($"{freshFile} is a fresh set's final half: it is run once at the end, never learned from.");
            }
            var learned = FreshTrainingQuestions.WithFacts(FreshQuestionSet.Load(freshFile), knowledge);
            Console.WriteLine($"  answer model data: {learned.Count,4} single questions of {Path.GetRelativePath(paths.Root, freshFile)} ({learned.Count(q => !q.IsOutOfScope)} answerable, mapped to facts by their seed lines)");
            fresh.AddRange(learned);
        }
        var set = AnswerTrainingSet.Build(knowledge, features, data, classifier, dev, NearMissForms.Load(paths.NearMisses), fresh, cancellationToken);
        foreach (var origin in set.GroupBy(q => q.Origin))
        {
            Console.WriteLine($"  answer model data: {origin.Count(),4} questions from {origin.Key} ({origin.Count(q => q.Answerable)} answerable)");
        }
        var model = AnswerModelTrainer.Train(set, AnswerModelTrainer.Hash(paths), target, cancellationToken, trainer);
        foreach (var c in model.Card.Comparison)
        {
            Console.WriteLine($"  {c.Trainer,-40} grouped 5-fold AUC {c.Auc:0.000}  log-loss {c.LogLoss:0.000}  answered right {c.AnsweredRight:P1}  wrong {c.WrongRate:P2}");
        }
        AnswerModelTrainer.Save(model, paths.AnswerModel);
        var cv = model.Card.CrossValidation;
        Console.WriteLine($"kept {model.Card.Trainer}; threshold {model.Card.Threshold:0.00} for at most {target:P1} wrong answers " +
            $"(cross-validated: {cv.AnsweredRight:P1} of answerable answered right, {cv.Refused:P1} of the rest refused, {cv.WrongRate:P2} wrong); " +
            $"wrote {paths.AnswerModel}, {Path.GetFileName(AnswerModel.CardFileFor(paths.AnswerModel))} and {Path.GetFileName(AnswerModel.HashFileFor(paths.AnswerModel))} ({model.Card.Hash[..12]})");
        Console.WriteLine("  reliability (best candidate per question, out of fold): probability bin, questions, mean probability, right");
        foreach (var bin in model.Card.Reliability)
        {
            Console.WriteLine($"    {bin.From:0.0}–{bin.To:0.0}  {bin.Count,5}  {bin.MeanProbability,6:0.000}  {bin.RightRate,6:0.000}");
        }
    }

    private static int NearDuplicateCount(IntentTrainingData data) =>
        data.NearDuplicates.Groups(data.DialogExamples).GroupBy(g => g).Where(g => g.Count() > 1).Sum(g => g.Count());
}
