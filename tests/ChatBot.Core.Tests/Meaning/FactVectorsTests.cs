using ChatBot.Core.Knowledge;
using ChatBot.Core.Meaning;
using ChatBot.Core.Tests.Knowledge;

namespace ChatBot.Core.Tests.Meaning;

/// <summary>
/// <c>models/fact-vectors.bin</c>: what <c>chatbot train</c> writes comes back as written, a stale or damaged file stops
/// the load with one line naming <c>chatbot train</c>, and the committed file fits the committed facts.
/// </summary>
public sealed class FactVectorsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fact-vectors-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>An encoder that puts each text on an axis of its own (by its length), so every vector is known.</summary>
    private sealed class AxisEncoder(int dimensions = 8, string name = "axis") : ISentenceEncoder
    {
        public string Name => name;
        public string Fingerprint => "axis-1";
        public int Dimensions => dimensions;

        public void Encode(string text, bool query, Span<float> into)
        {
            into[..Dimensions].Clear();
            into[text.Length % Dimensions] = 1;
        }
    }

    private static readonly FactTexts[] Texts =
    [
        new("a", ["when were ties set up", "ties year"], "In 1992.", "Relations were established in 1992"),
        new("b", ["trade in 2019"], "$4.2 billion.", "trade reached $4.2 billion"),
    ];

    [Fact]
    public void Core_knows_only_the_static_encoder_until_another_is_registered()
    {
        SentenceEncoders.Create("axis-registered").ShouldBeNull();
        FactMeaning.EncoderNames.ShouldContain(StaticSentenceEncoder.EncoderName);
        FactMeaning.EncoderNames.ShouldNotContain("axis-registered");

        SentenceEncoders.Register("axis-registered", () => new AxisEncoder(name: "axis-registered"));

        SentenceEncoders.Create("axis-registered").ShouldNotBeNull().Name.ShouldBe("axis-registered");
        FactMeaning.EncoderNames.ShouldContain("axis-registered");
    }

    [Fact]
    public void Vectors_read_back_are_each_facts_forms_answer_and_quote_as_encoded()
    {
        var encoder = new AxisEncoder();
        var path = Path.Combine(_folder, "fact-vectors.bin");
        FactVectors.Build(encoder, Texts).Write(path);

        var read = FactVectors.Load(path, _ => FactVectors.HashOf(encoder.Name, encoder.Fingerprint, Texts));

        read.Encoder.ShouldBe("axis");
        read.Dimensions.ShouldBe(8);
        read.Facts["a"].Forms.Count.ShouldBe(2);
        read.Facts["a"].Forms[0][Texts[0].Forms[0].Length % 8].ShouldBe(1f, 0.01f);
        read.Facts["b"].Answer[Texts[1].Answer.Length % 8].ShouldBe(1f, 0.01f);
        read.Facts["b"].Quote[Texts[1].Quote.Length % 8].ShouldBe(1f, 0.01f);
        File.ReadAllText(FactVectors.HashFileFor(path)).ShouldStartWith(read.Hash);
    }

    [Fact]
    public void Vectors_of_edited_facts_or_another_encoder_are_stale_and_the_message_names_chatbot_train()
    {
        var encoder = new AxisEncoder();
        var path = Path.Combine(_folder, "fact-vectors.bin");
        FactVectors.Build(encoder, Texts).Write(path);
        FactTexts[] edited = [Texts[0] with { Answer = "In 1991." }, Texts[1]];

        var stale = Should.Throw<ChatBotDataException>(() => FactVectors.Load(path, _ => FactVectors.HashOf(encoder.Name, encoder.Fingerprint, edited)));
        stale.Message.ShouldContain("stale");
        stale.Message.ShouldContain("`chatbot train`");
        stale.Message.ShouldNotContain("\n");

        Should.Throw<ChatBotDataException>(() => FactVectors.Load(path, _ => FactVectors.HashOf("other", encoder.Fingerprint, Texts)))
            .Message.ShouldContain("`chatbot train`");
        Should.Throw<ChatBotDataException>(() => FactVectors.Load(Path.Combine(_folder, "none.bin"), _ => ""))
            .Message.ShouldContain("`chatbot train`");
    }

    [Fact]
    public void Near_misses_are_encoded_after_the_quote_and_edited_near_misses_make_the_vectors_stale()
    {
        var encoder = new AxisEncoder();
        var path = Path.Combine(_folder, "fact-vectors.bin");
        FactTexts[] texts = [Texts[0] with { NearMisses = ["who set them up", "ties in 1975"] }, Texts[1]];
        FactVectors.Build(encoder, texts).Write(path);

        var read = FactVectors.Load(path, _ => FactVectors.HashOf(encoder.Name, encoder.Fingerprint, texts));

        read.Facts["a"].Forms.Count.ShouldBe(2);
        read.Facts["a"].NearMisses.Count.ShouldBe(2);
        read.Facts["a"].NearMisses[1]["ties in 1975".Length % 8].ShouldBe(1f, 0.01f);
        read.Facts["a"].Quote[Texts[0].Quote.Length % 8].ShouldBe(1f, 0.01f);
        read.Facts["b"].NearMisses.ShouldBeEmpty();
        FactTexts[] edited = [texts[0] with { NearMisses = ["who set them up"] }, texts[1]];
        Should.Throw<ChatBotDataException>(() => FactVectors.Load(path, _ => FactVectors.HashOf(encoder.Name, encoder.Fingerprint, edited)))
            .Message.ShouldContain("`chatbot train`");
    }

    [Fact]
    public void A_damaged_file_is_refused_with_a_message_naming_it_never_a_raw_exception()
    {
        var encoder = new AxisEncoder();
        var path = Path.Combine(_folder, "fact-vectors.bin");
        FactVectors.Build(encoder, Texts).Write(path);
        var good = File.ReadAllBytes(path);

        File.WriteAllBytes(path, good[..(good.Length / 2)]);
        var cut = Should.Throw<ChatBotDataException>(() => FactVectors.Load(path, _ => ""));
        cut.Message.ShouldContain(path);
        cut.Message.ShouldContain("`chatbot train`");

        var random = new Random(11);
        for (var trial = 0; trial < 200; trial++)
        {
            var bytes = (byte[])good.Clone();
            bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            File.WriteAllBytes(path, bytes);
            try
            {
                FactVectors.Load(path, f => f.Hash);
            }
            catch (ChatBotDataException)
            {
            }
        }
    }

    [Fact]
    public void Vectors_of_other_dimensions_than_the_encoders_are_refused()
    {
        var vectors = FactVectors.Build(new AxisEncoder(dimensions: 8), Texts);
        var facts = new RealKnowledge().Knowledge.Facts;

        Should.Throw<ChatBotDataException>(() => new FactMeaning(new AxisEncoder(dimensions: 16), vectors, facts))
            .Message.ShouldContain("`chatbot train`");
    }

    [Fact]
    public void The_committed_vectors_fit_the_committed_facts_and_give_every_fact_its_own()
    {
        var real = new RealKnowledge();
        var meaning = real.Knowledge.Meaning.ShouldNotBeNull();

        var vectors = CommittedVectors(real, meaning);
        meaning.Encoder.Name.ShouldBe(StaticSentenceEncoder.EncoderName);
        vectors.Dimensions.ShouldBe(WordVectors.Dimensions);
        foreach (var fact in real.Knowledge.Facts)
        {
            vectors.Facts.ShouldContainKey(fact.Id);
            vectors.Facts[fact.Id].Forms.Count.ShouldBe(fact.Questions.Count);
        }
    }

    [Fact]
    public void The_committed_vectors_hold_every_curated_near_miss_and_a_near_miss_is_closest_to_its_own()
    {
        var real = new RealKnowledge();
        var meaning = real.Knowledge.Meaning.ShouldNotBeNull();
        var nearMisses = NearMissForms.Load(Path.Combine(RealKnowledge.RepoRoot(), "models", "near-misses.yaml"));
        var vectors = CommittedVectors(real, meaning);

        nearMisses.Count.ShouldBeGreaterThan(0);
        foreach (var group in nearMisses.GroupBy(n => n.FactId))
        {
            vectors.Facts[group.Key].NearMisses.Count.ShouldBe(group.Count());
        }
        var first = nearMisses[0];
        var match = meaning.Match(first.Question);
        match.NearMiss[meaning.IndexOf(first.FactId)].ShouldBe(match.NearMissTop);
        match.NearMissTop.ShouldBeGreaterThan(0.95f);
        var without = meaning.WithoutNearMisses((i, j) => i == meaning.IndexOf(first.FactId) && j == 0).Match(first.Question);
        without.NearMiss[meaning.IndexOf(first.FactId)].ShouldBeLessThan(match.NearMiss[meaning.IndexOf(first.FactId)]);
        without.Form.ShouldBe(match.Form);
    }

    [Theory]
    [InlineData("how much did korea invest in kazakhstan")]
    [InlineData("who won the tender for the oilfield")]
    public void The_block_of_signed_byte_rows_gives_the_cosines_of_the_float_vectors_to_the_bit(string question)
    {
        var real = new RealKnowledge();
        var meaning = real.Knowledge.Meaning.ShouldNotBeNull();
        var q = new float[meaning.Encoder.Dimensions];
        meaning.Encoder.Encode(question, query: true, q);

        var match = meaning.Match(question);
        var vectors = CommittedVectors(real, meaning);

        for (var i = 0; i < real.Knowledge.Facts.Count; i++)
        {
            var set = vectors.Facts[real.Knowledge.Facts[i].Id];
            match.Answer[i].ShouldBe(FloatDot(q, set.Answer));
            match.Quote[i].ShouldBe(FloatDot(q, set.Quote));
            match.Form[i].ShouldBe(set.Forms.Aggregate(0f, (best, v) => Math.Max(best, FloatDot(q, v))));
            match.NearMiss[i].ShouldBe(set.NearMisses.Aggregate(0f, (best, v) => Math.Max(best, FloatDot(q, v))));
        }
    }

    /// <summary>models/fact-vectors.bin as read, checked against the committed facts and near misses as the host checks it.</summary>
    private static FactVectors CommittedVectors(RealKnowledge real, FactMeaning meaning) =>
        FactVectors.Load(real.Paths.FactVectors, _ => FactVectors.HashOf(meaning.Encoder.Name, meaning.Encoder.Fingerprint, FactMeaning.TextsOf(real.Paths, real.Knowledge.Facts)));

    /// <summary>The dot product over the vectors as read into floats, a <see cref="System.Numerics.Vector{T}"/> at a time.</summary>
    private static float FloatDot(float[] a, float[] b)
    {
        var sum = System.Numerics.Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - System.Numerics.Vector<float>.Count; i += System.Numerics.Vector<float>.Count)
        {
            sum += new System.Numerics.Vector<float>(a, i) * new System.Numerics.Vector<float>(b, i);
        }
        var total = System.Numerics.Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            total += a[i] * b[i];
        }
        return total;
    }

    [Fact]
    public void A_question_worded_away_from_its_facts_words_is_closest_in_meaning_to_that_fact()
    {
        var knowledge = new RealKnowledge().Knowledge;
        var facts = knowledge.Facts;

        // "formal relations ... nations": the fact says "diplomatic relations ... countries".
        var match = knowledge.Meaning!.Match("when were formal relations started between the two nations");

        facts[match.Order[0]].Id.ShouldBe("diplomatic-ties-established-1992");
        match.Margin(match.Order[0]).ShouldBeGreaterThan(0);
        match.Top.ShouldBeGreaterThan(0.5f);
    }
}
