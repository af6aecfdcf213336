using ChatBot.Core.Intents;
using ChatBot.Core.Meaning;
using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Tests.Intents;

public sealed class WordVectorsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("word-vectors-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static float[] Axis(int d, float value = 1f)
    {
        var v = new float[WordVectors.Dimensions];
        v[d] = value;
        return v;
    }

    private static double Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.Sqrt(na * nb);
    }

    private WordVectors Written(Dictionary<string, float[]> vectors)
    {
        var path = Path.Combine(_folder, "v.bin");
        WordVectors.Write(path, vectors);
        return WordVectors.Load(path);
    }

    [Fact]
    public void A_message_is_the_scaled_mean_of_its_known_words_and_unknown_words_add_nothing()
    {
        var table = Written(new()
        {
            ["bye"] = Axis(0), ["goodbye"] = Axis(0, 0.9f), ["hello"] = Axis(1), ["menu"] = Axis(2),
        });
        table.Count.ShouldBe(4);

        var bye = table.Embed(["bye", "qwzx"], 12f);
        Math.Sqrt(bye.Sum(x => x * x)).ShouldBe(12, 0.01);
        Cosine(bye, table.Embed(["goodbye"], 1f)).ShouldBeGreaterThan(0.99);
        Cosine(bye, table.Embed(["hello"], 1f)).ShouldBeLessThan(0.1);
        table.Embed(["qwzx", "привет"], 12f).ShouldAllBe(x => x == 0);
    }

    [Fact]
    public void A_word_one_typo_from_a_known_word_means_that_word_but_short_words_and_names_are_not_guessed()
    {
        var table = Written(new() { ["help"] = Axis(0), ["relations"] = Axis(1), ["hi"] = Axis(2) });
        var help = table.Embed(["help"], 1f);
        foreach (var typo in new[] { "hepl", "helpp", "halp" }) // swapped, doubled, changed
        {
            table.Embed([typo], 1f).ShouldBe(help, typo);
        }
        table.Embed(["relatoins"], 1f).ShouldBe(table.Embed(["relations"], 1f));
        table.Embed(["rlations"], 1f).ShouldBe(table.Embed(["relations"], 1f)); // a letter left out
        table.Embed(["hy"], 1f).ShouldAllBe(x => x == 0); // under four letters: too many neighbours to guess
        table.Embed(["hyundai"], 1f).ShouldAllBe(x => x == 0); // two edits from anything: no vector
        table.Embed(["hélp"], 1f).ShouldAllBe(x => x == 0); // only a–z words are corrected
    }

    [Fact]
    public void The_file_is_the_same_for_the_same_vectors_and_its_hash_changes_with_them()
    {
        var first = Written(new() { ["a"] = Axis(0), ["b"] = Axis(1) });
        var again = Written(new() { ["b"] = Axis(1), ["a"] = Axis(0) });
        var other = Written(new() { ["a"] = Axis(0), ["b"] = Axis(2) });
        again.Fingerprint.ShouldBe(first.Fingerprint);
        other.Fingerprint.ShouldNotBe(first.Fingerprint);
        new IntentTextNormalizer([], vectors: first).Fingerprint
            .ShouldNotBe(new IntentTextNormalizer([], vectors: other).Fingerprint);
    }

    [Fact]
    public void A_damaged_file_gives_a_message_naming_it_and_the_fix()
    {
        var path = Path.Combine(_folder, "v.bin");
        WordVectors.Write(path, new Dictionary<string, float[]> { ["a"] = Axis(0), ["b"] = Axis(1) });
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..40]);
        var error = Should.Throw<ChatBotDataException>(() => WordVectors.Load(path));
        error.Message.ShouldContain(path);
        error.Message.ShouldContain("src/ChatBot.Vectors");

        File.WriteAllText(path, "not vectors at all");
        Should.Throw<ChatBotDataException>(() => WordVectors.Load(path));

        // A header that promises little and a body of noise: every flipped byte fails cleanly or loads, never throws raw.
        WordVectors.Write(path, new Dictionary<string, float[]> { ["a"] = Axis(0), ["b"] = Axis(1) });
        var good = File.ReadAllBytes(path);
        var random = new Random(5);
        var raw = new List<string>();
        var refused = 0;
        for (var trial = 0; trial < 300; trial++)
        {
            var bytes = (byte[])good.Clone();
            bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            File.WriteAllBytes(path, bytes);
            try
            {
                WordVectors.Load(path);
            }
            catch (ChatBotDataException)
            {
                refused++;
            }
            catch (Exception ex)
            {
                raw.Add(ex.GetType().Name);
            }
        }
        raw.ShouldBeEmpty();
        refused.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void The_committed_table_places_words_of_one_meaning_together()
    {
        var table = WordVectors.Load(ChatBotPaths.Locate().WordVectors);
        table.Count.ShouldBeGreaterThan(20_000);
        double Similarity(string a, string b) => Cosine(table.Embed([a], 1f), table.Embed([b], 1f));
        Similarity("goodbye", "farewell").ShouldBeGreaterThan(Similarity("goodbye", "uranium"));
        Similarity("thanks", "grateful").ShouldBeGreaterThan(Similarity("thanks", "pipeline"));
        Similarity("oil", "gas").ShouldBeGreaterThan(Similarity("oil", "hello"));
    }
}
