using BenchmarkDotNet.Running;
using ChatBot.Benchmarks;

// dotnet run -c Release --project bench/ChatBot.Benchmarks -- --job short --filter '*'   (BenchmarkDotNet)
// dotnet run -c Release --project bench/ChatBot.Benchmarks -- --latency [rounds]          (single-turn p50/p99, default 2 rounds of the mix)
if (args.Length > 0 && args[0] == "--latency")
{
    await LatencyProbe.RunAsync(args.Length > 1 && int.TryParse(args[1], out var rounds) ? rounds : 2);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(AnswerBenchmarks).Assembly).Run(args);
