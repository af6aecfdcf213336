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
        var command = new Command("ask", "Ask the bot one question and print its answer and source.") { question, root, explain };
        command.SetAction((result, cancellationToken) => CliErrors.Guard(async () =>
        {
            var text = string.Join(' ', result.GetValue(question) ?? []).Trim();
            if (text.Length == 0)
            {
                await Console.Error.WriteLineAsync("chatbot ask: give a question, e.g. chatbot ask \"when were diplomatic relations established?\"");
                return CliErrors.BadInput;
            }
            var session = new BotSession(CliOptions.Paths(result, root));
            var (answer, _) = await session.AskAsync(text, cancellationToken);
            Console.WriteLine(AnswerReply.RenderPlain(answer));
            if (result.GetValue(explain))
            {
                Console.WriteLine();
                // The same pass, for a conversation that starts with this question, keeping its decision.
                var (decision, _) = session.Pipeline.Answer(text, ConversationState.Empty);
                Console.WriteLine(RetrievalExplanation.Explain(session.Knowledge, decision));
            }
            return 0;
        }));
        return command;
    }
}
