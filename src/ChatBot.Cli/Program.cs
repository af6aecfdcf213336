using System.CommandLine;
using ChatBot.Cli;
using ChatBot.Encoders;

// The transformer encoders, for `train --encoder` and for reading fact vectors built with one.
OnnxSentenceEncoder.Register();

var root = new RootCommand("chatbot — ask the Kazakhstan–Korea bot, check its fact store, evaluate it on the dev questions.")
{
    AskCommand.Create(),
    DataCommand.Create(),
    FactsCommand.Create(),
    EvalCommand.Create().WithIntentEval(),
    TrainCommand.Create(),
    UnansweredCommand.Create(),
    ReportCommand.Create(),
    TeamsPackageCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
