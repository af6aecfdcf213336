using System.CommandLine;
using ChatBot.Core.Validation;

namespace ChatBot.Cli;

/// <summary>
/// <c>chatbot data validate</c>: dialogs, lexicon, facts (quotes at their lines), entities, dev questions, the intent
/// model and the vector table, each problem as <c>file:line: error: what. Fix: how</c>; exits non-zero on any error.
/// </summary>
internal static class DataCommand
{
    public static Command Create()
    {
        var root = CliOptions.Root();
        var warnings = new Option<bool>("--warnings") { Description = "Also list the warnings (they do not fail the check)" };
        var validate = new Command("validate", "Check every data file (dialogs/, models/, tests/data/questions.yaml) and the committed model; exits non-zero on any error.") { root, warnings };
        validate.SetAction((result, _) => CliErrors.Guard(() =>
        {
            var report = new DataValidator(CliOptions.Paths(result, root)).Validate();
            foreach (var issue in report.Errors)
            {
                Console.WriteLine(issue);
            }
            var warningCount = report.Warnings.Count();
            if (result.GetValue(warnings))
            {
                foreach (var issue in report.Warnings)
                {
                    Console.WriteLine(issue);
                }
            }
            var errorCount = report.Errors.Count();
            Console.WriteLine(report.Passed
                ? $"OK: dialogs, replies, lexicon, facts, entities, dev questions, intent model, answer model, word vectors and fact vectors check out ({warningCount} warning(s){(result.GetValue(warnings) ? "" : "; --warnings lists them")})."
                : $"FAILED: {errorCount} error(s), {warningCount} warning(s).");
            return Task.FromResult(report.Passed ? 0 : CliErrors.Failed);
        }));
        return new Command("data", "Work with the bot's data as a whole.") { validate };
    }
}
