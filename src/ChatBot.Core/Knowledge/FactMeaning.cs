using System.Numerics;
using ChatBot.Core.Meaning;

namespace ChatBot.Core.Knowledge;

/// <summary>
/// A question's closeness in meaning to every fact, from one encoding of the question: the cosine to the fact's
/// closest question form, to its answer and to its quote, the best of the three, and the facts in that order.
/// </summary>
public sealed record DenseMatch(float[] Form, float[] Answer, float[] Quote, float[] Best, int[] Order, int[] RankOf)
{
    /// <summary>The best cosine of any fact (0 when the encoder knew none of the question's words).</summary>
    public float Top => Order.Length == 0 ? 0 : Best[Order[0]];

    /// <summary>The cosine to each fact's closest curated near miss (0 for a fact without any).</summary>
    public float[] NearMiss { get; init; } = [];

    /// <summary>The cosine to the closest near miss of any fact.</summary>
    public float NearMissTop { get; init; }

    /// <summary>How far the fact's best cosine is above the best other fact's (below it: negative).</summary>
    public float Margin(int fact)
    {
        if (Order.Length < 2)
        {
            return Best.Length == 0 ? 0 : Best[fact];
        }
        var other = Order[0] == fact ? Order[1] : Order[0];
        return Best[fact] - Best[other];
    }
}

/// <summary>
/// The facts' vectors (<c>models/fact-vectors.bin</c>, built by <c>chatbot train</c>) with the encoder that reads a
/// question the same way, aligned with the retriever's facts: <see cref="Match"/> encodes the question once and
/// scores it against every fact. Immutable after construction; safe to share.
/// </summary>
public sealed class FactMeaning
{
    // Every vector once, in one block: a row of signed bytes per vector (value = byte × the row's scale), laid out fact
    // by fact (its forms, answer, quote, near misses), so a turn reads about a quarter of the memory float rows would
    // take, front to back. A fact's parts are row numbers into the block.
    private readonly sbyte[] _rows;
    private readonly float[] _scales;
    private readonly int _dimensions;
    private readonly int[][] _forms;
    private readonly int[] _answers;
    private readonly int[] _quotes;
    private readonly int[][] _nearMisses;

    public FactMeaning(ISentenceEncoder encoder, FactVectors vectors, IReadOnlyList<Fact> facts)
    {
        if (vectors.Dimensions != encoder.Dimensions)
        {
            throw new ChatBotDataException($"The fact vectors have {vectors.Dimensions} dimensions and the encoder {encoder.Name} gives {encoder.Dimensions}. Run `chatbot train`.");
        }
        Encoder = encoder;
        _dimensions = encoder.Dimensions;
        var none = new QuantizedVector(new sbyte[encoder.Dimensions], 0);
        var rows = new List<QuantizedVector>();
        int[] Add(IEnumerable<QuantizedVector> vectors)
        {
            var first = rows.Count;
            rows.AddRange(vectors);
            return [.. Enumerable.Range(first, rows.Count - first)];
        }
        var forms = new int[facts.Count][];
        var answers = new int[facts.Count];
        var quotes = new int[facts.Count];
        var nearMisses = new int[facts.Count][];
        for (var i = 0; i < facts.Count; i++)
        {
            // As the file stores them: forms, answer, quote, near misses.
            var set = vectors.Facts.TryGetValue(facts[i].Id, out var known) ? known.Quantized().ToList() : null;
            var formCount = known?.Forms.Count ?? 0;
            forms[i] = Add(set?.Take(formCount) ?? []);
            answers[i] = Add([set?[formCount] ?? none])[0];
            quotes[i] = Add([set?[formCount + 1] ?? none])[0];
            nearMisses[i] = Add(set?.Skip(formCount + 2) ?? []);
        }
        (_forms, _answers, _quotes, _nearMisses) = (forms, answers, quotes, nearMisses);
        _rows = new sbyte[rows.Count * _dimensions];
        _scales = new float[rows.Count];
        for (var r = 0; r < rows.Count; r++)
        {
            rows[r].Bytes.CopyTo(_rows.AsSpan(r * _dimensions, _dimensions));
            _scales[r] = rows[r].Scale;
        }
        _index = facts.Select((f, i) => (f.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
    }

    private readonly Dictionary<string, int> _index;

    /// <summary>The position of a fact in <see cref="DenseMatch"/>'s arrays, or -1.</summary>
    public int IndexOf(string factId) => _index.TryGetValue(factId, out var i) ? i : -1;

    private FactMeaning(FactMeaning from, int[][] forms, int[][] nearMisses)
    {
        Encoder = from.Encoder;
        _rows = from._rows;
        _scales = from._scales;
        _dimensions = from._dimensions;
        _forms = forms;
        _answers = from._answers;
        _quotes = from._quotes;
        _nearMisses = nearMisses;
        _index = from._index;
    }

    /// <summary>
    /// The same meaning for <paramref name="restricted"/>, the facts of <paramref name="original"/> (in the same order)
    /// with some question forms left out: their vectors go too, so training on a held-out form does not find it.
    /// </summary>
    public FactMeaning Restricted(IReadOnlyList<Fact> original, IReadOnlyList<Fact> restricted) =>
        new(this, [.. original.Select((fact, i) => _forms[i].Where((_, j) => j < fact.Questions.Count
            && restricted[i].Questions.Contains(fact.Questions[j], StringComparer.Ordinal)).ToArray())], _nearMisses);

    /// <summary>
    /// The same meaning without the near misses <paramref name="left"/> picks (by the fact's position and the near
    /// miss's among the fact's own), so training on a near miss does not find its own vector.
    /// </summary>
    public FactMeaning WithoutNearMisses(Func<int, int, bool> left) =>
        new(this, _forms, [.. _nearMisses.Select((set, i) => set.Where((_, j) => !left(i, j)).ToArray())]);

    public ISentenceEncoder Encoder { get; }

    /// <summary>The encoders <c>chatbot train --encoder</c> can build the fact vectors with.</summary>
    public static IReadOnlyList<string> EncoderNames => [StaticSentenceEncoder.EncoderName, .. SentenceEncoders.Names];

    public DenseMatch Match(string question)
    {
        Span<float> q = stackalloc float[Encoder.Dimensions];
        Encoder.Encode(question, query: true, q);
        var n = _answers.Length;
        var form = new float[n];
        var answer = new float[n];
        var quote = new float[n];
        var best = new float[n];
        var nearMiss = new float[n];
        var nearMissTop = 0f;
        for (var i = 0; i < n; i++)
        {
            var m = 0f;
            foreach (var row in _nearMisses[i])
            {
                m = Math.Max(m, Dot(q, row));
            }
            nearMiss[i] = m;
            nearMissTop = Math.Max(nearMissTop, m);
            var f = 0f;
            foreach (var row in _forms[i])
            {
                f = Math.Max(f, Dot(q, row));
            }
            form[i] = f;
            answer[i] = Dot(q, _answers[i]);
            quote[i] = Dot(q, _quotes[i]);
            best[i] = Math.Max(f, Math.Max(answer[i], quote[i]));
        }
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }
        Array.Sort(order, (a, b) => best[b].CompareTo(best[a]) is var c && c != 0 ? c : a.CompareTo(b));
        var rankOf = new int[n];
        for (var r = 0; r < n; r++)
        {
            rankOf[order[r]] = r;
        }
        return new DenseMatch(form, answer, quote, best, order, rankOf) { NearMiss = nearMiss, NearMissTop = nearMissTop };
    }

    /// <summary>
    /// The question's dot product with one row of the block. Each component is the byte times the row's scale, as the
    /// file's reader gives it, summed a <see cref="Vector{T}"/> at a time in order: the same float sums, to the bit,
    /// as over the vectors read as floats, so the answer model reads the features it was trained on.
    /// </summary>
    private float Dot(ReadOnlySpan<float> q, int row)
    {
        var bytes = _rows.AsSpan(row * _dimensions, _dimensions);
        var scale = _scales[row];
        var scales = new Vector<float>(scale);
        var sum = Vector<float>.Zero;
        var step = Vector<float>.Count;
        var i = 0;
        for (; i <= bytes.Length - Vector<sbyte>.Count; i += Vector<sbyte>.Count)
        {
            Vector.Widen(new Vector<sbyte>(bytes[i..]), out var low, out var high);
            Vector.Widen(low, out var a, out var b);
            Vector.Widen(high, out var c, out var d);
            sum += new Vector<float>(q[i..]) * (Vector.ConvertToSingle(a) * scales);
            sum += new Vector<float>(q[(i + step)..]) * (Vector.ConvertToSingle(b) * scales);
            sum += new Vector<float>(q[(i + 2 * step)..]) * (Vector.ConvertToSingle(c) * scales);
            sum += new Vector<float>(q[(i + 3 * step)..]) * (Vector.ConvertToSingle(d) * scales);
        }
        Span<float> chunk = stackalloc float[step];
        for (; i <= bytes.Length - step; i += step)
        {
            for (var k = 0; k < step; k++)
            {
                chunk[k] = bytes[i + k] * scale;
            }
            sum += new Vector<float>(q[i..]) * new Vector<float>(chunk);
        }
        var total = Vector.Sum(sum);
        for (; i < bytes.Length; i++)
        {
            total += q[i] * (bytes[i] * scale);
        }
        return total;
    }

    /// <summary>What a fact says, as the encoder reads it, and its curated near misses.</summary>
    public static FactTexts TextsOf(Fact fact, ILookup<string, NearMissForm>? nearMisses = null) =>
        new(fact.Id, fact.Questions, fact.Answer, string.Join(" ", fact.Locations.Select(l => l.Quote)))
        {
            NearMisses = nearMisses is null ? [] : [.. nearMisses[fact.Id].Select(n => n.Question)],
        };

    /// <summary>Every fact's texts with the near misses of <c>models/near-misses.yaml</c>, as <c>chatbot train</c> encodes them.</summary>
    public static IReadOnlyList<FactTexts> TextsOf(ChatBotPaths paths, IReadOnlyList<Fact> facts)
    {
        var nearMisses = NearMissForms.Load(paths.NearMisses).ToLookup(n => n.FactId, StringComparer.Ordinal);
        return [.. facts.Select(f => TextsOf(f, nearMisses))];
    }

    /// <summary>
    /// Encodes the facts with the encoder named (for <c>chatbot train</c>). The static encoder's word weights come
    /// from these facts' texts and are written with the vectors.
    /// </summary>
    public static FactVectors Build(string encoderName, ChatBotPaths paths, IReadOnlyList<Fact> facts)
    {
        var texts = TextsOf(paths, facts);
        if (encoderName == StaticSentenceEncoder.EncoderName)
        {
            var idf = StaticSentenceEncoder.InverseDocumentFrequency([.. texts.Select(t => string.Join(" ", t.Forms.Append(t.Answer).Append(t.Quote)))]);
            return FactVectors.Build(new StaticSentenceEncoder(WordVectors.Load(paths.WordVectors), idf), texts, idf);
        }
        var encoder = SentenceEncoders.Create(encoderName)
            ?? throw new ChatBotDataException($"No sentence encoder \"{encoderName}\" in this build: {string.Join(", ", EncoderNames)}.");
        try
        {
            return FactVectors.Build(encoder, texts);
        }
        finally
        {
            (encoder as IDisposable)?.Dispose();
        }
    }

    /// <summary>The committed fact vectors and their encoder, checked against these facts: stale stops the caller, naming <c>chatbot train</c>.</summary>
    public static FactMeaning Load(ChatBotPaths paths, IReadOnlyList<Fact> facts)
    {
        ISentenceEncoder? encoder = null;
        var vectors = FactVectors.Load(paths.FactVectors, file =>
        {
            encoder = EncoderFor(file, paths);
            return FactVectors.HashOf(encoder.Name, encoder.Fingerprint, TextsOf(paths, facts));
        });
        return new FactMeaning(encoder!, vectors, facts);
    }

    private static ISentenceEncoder EncoderFor(FactVectors file, ChatBotPaths paths) => file.Encoder switch
    {
        StaticSentenceEncoder.EncoderName => new StaticSentenceEncoder(WordVectors.Load(paths.WordVectors), file.Weights),
        _ => SentenceEncoders.Create(file.Encoder) ?? throw new ChatBotDataException(
            $"The fact vectors {paths.FactVectors} were built with the encoder \"{file.Encoder}\", which this program does not carry " +
            $"(the host has only \"{StaticSentenceEncoder.EncoderName}\"; the ONNX encoders are in src/ChatBot.Encoders, for measuring). Run `chatbot train --encoder {StaticSentenceEncoder.EncoderName}`."),
    };
}
