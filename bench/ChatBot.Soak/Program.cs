using System.Globalization;
using ChatBot.Soak;

// Hardening runs from the outside, on 127.0.0.1 only; each starts what it needs and stops it at the end.
//   dotnet run -c Release --project bench/ChatBot.Soak -- fuzz [count=20000] [seed=20261204]
//   dotnet run -c Release --project bench/ChatBot.Soak -- soak [minutes=5] [outageSeconds=10] [pages=6] [users=4]
static int Arg(string[] args, int index, int fallback) =>
    args.Length > index && int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;

static double ArgD(string[] args, int index, double fallback) =>
    args.Length > index && double.TryParse(args[index], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : fallback;

switch (args.FirstOrDefault())
{
    case "fuzz":
        return await FuzzRun.RunAsync(Math.Clamp(Arg(args, 1, 20_000), 1, 1_000_000), Arg(args, 2, 20261204), TimeSpan.FromMinutes(30));
    case "soak":
        return await SoakRun.RunAsync(TimeSpan.FromMinutes(Math.Clamp(ArgD(args, 1, 5), 0.5, 60)), TimeSpan.FromSeconds(Math.Clamp(Arg(args, 2, 10), 1, 120)),
            Math.Clamp(Arg(args, 3, 6), 1, 50), Math.Clamp(Arg(args, 4, 4), 1, 50));
    default:
        Console.Error.WriteLine("usage: ChatBot.Soak fuzz [count] [seed] | soak [minutes] [outageSeconds] [pages] [users]");
        return 2;
}
