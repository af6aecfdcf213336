using ChatBot.Core.Intents;
using ChatBot.Core.Meaning;
using ChatBot.Vectors;

namespace ChatBot.Core.Tests.Intents;

/// <summary>models/word-vectors.bin is checked against the encoder it claims to come from, as the facts are against the seeds.</summary>
public sealed class WordVectorProvenanceTests
{
    [Fact]
    public void The_committed_table_holds_the_encoders_vector_of_every_vocabulary_word_it_samples()
    {
        var table = WordVectors.Load(ChatBotPaths.Locate().WordVectors);
        var vocabulary = WordVectorBuilder.Vocabulary();
        table.Count.ShouldBe(vocabulary.Count);
        vocabulary.ShouldAllBe(w => table.Contains(w));

        // Words spread over the whole vocabulary, and some a user types every day.
        var sample = vocabulary.Where((_, i) => i % 797 == 0).Concat(["hello", "thanks", "bye", "trade", "uranium"]).Distinct().ToList();
        using var builder = new WordVectorBuilder();
        var encoded = builder.Encode(sample);
        foreach (var word in sample)
        {
            var expected = encoded[word].Select((x, d) => x - table.Centre[d]).ToArray();
            var stored = table.Vector(word)!;
            var dot = expected.Zip(stored, (a, b) => (double)a * b).Sum();
            var cosine = dot / Math.Sqrt(expected.Sum(x => (double)x * x) * stored.Sum(x => (double)x * x));
            cosine.ShouldBeGreaterThan(0.999, $"the stored vector of \"{word}\" is not the encoder's");
        }
    }
}
