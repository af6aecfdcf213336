using System.CommandLine;
using ChatBot.Core;
using ChatBot.Core.Intents;

namespace ChatBot.Cli;

/// <summary>
/// <c>chatbot train</c>: compares the trainers by 5-fold cross-validation (near-duplicate examples kept in one fold) and
/// writes models/intent-classifier.zip with the hash of the data it learned from.
/// </summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var root = CliOptions.Root();
        var command = new Command("train", "Train the intent classifier from dialogs/ (and the fact questions) and save it to models/: the only command that writes there.") { root };
        command.SetAction((result, cancellationToken) => CliErrors.Guard(() =>
        {
            var paths = CliOptions.Paths(result, root);
            var data = IntentTrainingSource.Load(paths);
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
            return Task.FromResult(0);
        }));
        return command;
    }

    private static int NearDuplicateCount(IntentTrainingData data) =>
        data.NearDuplicates.Groups(data.DialogExamples).GroupBy(g => g).Where(g => g.Count() > 1).Sum(g => g.Count());
}
