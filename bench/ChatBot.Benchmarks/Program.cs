using BenchmarkDotNet.Running;
using ChatBot.Benchmarks;

// dotnet run -c Release --project bench/ChatBot.Benchmarks -- --job short --filter '*'   (BenchmarkDotNet)
// dotnet run -c Release --project bench/ChatBot.Benchmarks -- --latency [rounds]          (single-turn p50/p99, default 2 rounds of the mix)
// dotnet run -c Release --project bench/ChatBot.Benchmarks -- --write-mix FILE [count] [seed] (bench/http's question mix)
if (args.Length > 1 && args[0] == "--write-mix")
{
    var count = args.Length > 2 && int.TryParse(args[2], out var c) ? c : QuestionMix.DefaultCount;
    var seed = args.Length > 3 && int.TryParse(args[3], out var s) ? s : QuestionMix.DefaultSeed;
    var mix = QuestionMix.Generate(ChatBot.Core.ChatBotPaths.Locate(RepoRoot.Find()), count, seed);
    QuestionMix.Write(args[1], mix);
    Console.WriteLine($"{mix.Questions.Count} distinct questions, {mix.FollowUps.Count} follow-ups -> {args[1]}");
    return;
}
if (args.Length > 0 && args[0] == "--latency")
{
    await LatencyProbe.RunAsync(args.Length > 1 && int.TryParse(args[1], out var rounds) ? rounds : 2);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(AnswerBenchmarks).Assembly).Run(args);
