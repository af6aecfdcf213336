using System.CommandLine;
using ChatBot.Core.Bot;
using ChatBot.Core.Dialogs;

namespace ChatBot.Cli;

/// <summary><c>chatbot ask "question"</c>: one turn through the same turn handler the host uses, printed as plain text with its sources.</summary>
internal static class AskCommand
{
    public static Command Create()
    {
        var question = new Argument<string[]>("question") { Description = "What to ask (quote it, or give several words)", Arity = ArgumentArity.OneOrMore };
        var root = CliOptions.Root();
        var explain = new Option<bool>("--explain") { Description = "Also show how the question was read and the facts it ranked (for curators)" };
        var after = new Option<string[]>("--after") { Description = "Ask these first, in the same conversation, so the question is read as a follow-up (repeatable)" };
        var command = new Command("ask", "Ask the bot one question and print its answer and source.") { question, root, explain, after };
        command.SetAction((result, cancellationToken) => CliErrors.Guard(async () =>
        {
            var text = string.Join(' ', result.GetValue(question) ?? []).Trim();
            if (text.Length == 0)
            {
                await Console.Error.WriteLineAsync("chatbot ask: give a question, e.g. chatbot ask \"when were diplomatic relations established?\"");
                return CliErrors.BadInput;
            }
            var session = new BotSession(CliOptions.Paths(result, root));
            foreach (var earlier in result.GetValue(after) ?? [])
            {
                var (reply, _) = await session.AskAsync(earlier, cancellationToken);
                Console.WriteLine($"> {earlier}\n{AnswerReply.RenderPlain(reply)}\n");
            }
            var state = await session.StateAsync(cancellationToken);
            var (answer, _) = await session.AskAsync(text, cancellationToken);
            Console.WriteLine(AnswerReply.RenderPlain(answer));
            if (result.GetValue(explain))
            {
                Console.WriteLine();
                // The same pass again, from the conversation as it was before this question, keeping its decision.
                var (decision, _) = session.Pipeline.Answer(text, state);
                Console.WriteLine(RetrievalExplanation.Explain(session.Knowledge, decision));
            }
            return 0;
        }));
        return command;
    }
}
