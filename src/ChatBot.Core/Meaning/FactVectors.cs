using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace ChatBot.Core.Meaning;

/// <summary>
/// What a fact says, as the encoder reads it: its question forms, its answer and its quotes; and what it does not say,
/// its curated near misses (<c>models/near-misses.yaml</c>: questions on its subject that no seed answers).
/// </summary>
public sealed record FactTexts(string Id, IReadOnlyList<string> Forms, string Answer, string Quote)
{
    public IReadOnlyList<string> NearMisses { get; init; } = [];
}

/// <summary>One fact's vectors: one per question form, its answer's and its quotes', and one per near miss.</summary>
public sealed record FactVectorSet(IReadOnlyList<float[]> Forms, float[] Answer, float[] Quote)
{
    public IReadOnlyList<float[]> NearMisses { get; init; } = [];

    /// <summary>The same vectors as the file stores them (forms, answer, quote, near misses); null when built in memory.</summary>
    public IReadOnlyList<QuantizedVector>? Stored { get; init; }

    /// <summary>Every vector as the file stores it, in the file's order: read back, or quantized as writing would.</summary>
    public IEnumerable<QuantizedVector> Quantized() =>
        Stored ?? Forms.Append(Answer).Append(Quote).Concat(NearMisses).Select(v => QuantizedVector.Of(v));
}

/// <summary>A vector as <c>models/fact-vectors.bin</c> stores it: signed bytes and the scale that gives it back (value = byte × scale).</summary>
public readonly record struct QuantizedVector(sbyte[] Bytes, float Scale)
{
    /// <summary>The file's quantization: the largest component becomes ±127.</summary>
    public static QuantizedVector Of(ReadOnlySpan<float> vector)
    {
        var largest = 0f;
        foreach (var v in vector)
        {
            largest = Math.Max(largest, Math.Abs(v));
        }
        var scale = largest / 127;
        var bytes = new sbyte[vector.Length];
        for (var d = 0; d < vector.Length; d++)
        {
            bytes[d] = scale == 0 ? (sbyte)0 : (sbyte)Math.Round(vector[d] / scale);
        }
        return new QuantizedVector(bytes, scale);
    }
}

/// <summary>
/// The fact side of matching by meaning, <c>models/fact-vectors.bin</c>: each fact's question forms, answer and quote
/// encoded once by <c>chatbot train</c>, with the encoder's name and the hash of what they were made from, so the
/// host only reads them and stops, naming <c>chatbot train</c>, when the facts or the encoder changed since.
/// </summary>
/// <remarks>
/// File: "KZFV", version 2, the encoder's name and fingerprint, the hash, the dimensions, the encoder's word weights
/// (count, then word and float; empty for a transformer), the fact count, then per fact its id, its form count, its
/// near-miss count and each vector (forms, answer, quote, near misses) as a float scale and signed bytes
/// (value = byte × scale).
/// </remarks>
public sealed class FactVectors
{
    private const string Magic = "KZFV";
    private const int FormatVersion = 2;

    public FactVectors(string encoder, string encoderFingerprint, string hash, int dimensions, IReadOnlyDictionary<string, float> weights, IReadOnlyDictionary<string, FactVectorSet> facts)
    {
        Encoder = encoder;
        EncoderFingerprint = encoderFingerprint;
        Hash = hash;
        Dimensions = dimensions;
        Weights = weights;
        Facts = facts;
    }

    public string Encoder { get; }

    public string EncoderFingerprint { get; }

    /// <summary>The hash of the fact texts and the encoder the vectors were made from (<see cref="HashOf"/>).</summary>
    public string Hash { get; }

    public int Dimensions { get; }

    /// <summary>The static encoder's word weights (IDF over the facts), so the host weighs a question's words as training did.</summary>
    public IReadOnlyDictionary<string, float> Weights { get; }

    public IReadOnlyDictionary<string, FactVectorSet> Facts { get; }

    /// <summary><c>models/fact-vectors.sha256</c> beside the file: the hash, for a reader of the repository.</summary>
    public static string HashFileFor(string path) => Path.ChangeExtension(path, ".sha256");

    /// <summary>What the vectors depend on: the format, the encoder and its fingerprint, and every fact's texts.</summary>
    public static string HashOf(string encoder, string encoderFingerprint, IEnumerable<FactTexts> facts)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes($"{Magic} {FormatVersion}\n{encoder}\n{encoderFingerprint}\n"));
        foreach (var fact in facts.OrderBy(f => f.Id, StringComparer.Ordinal))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(string.Join("\n", fact.Forms.Prepend(fact.Id).Append(fact.Answer).Append(fact.Quote)) + "\0"));
            sha.AppendData(Encoding.UTF8.GetBytes(string.Join("\n", fact.NearMisses) + "\0"));
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>Encodes every fact's texts (batched when the encoder can) into a new set of vectors.</summary>
    public static FactVectors Build(ISentenceEncoder encoder, IReadOnlyList<FactTexts> facts, IReadOnlyDictionary<string, float>? weights = null)
    {
        var texts = facts.SelectMany(f => f.Forms.Append(f.Answer).Append(f.Quote).Concat(f.NearMisses)).ToList();
        float[][] vectors;
        if (encoder is IBatchSentenceEncoder batched)
        {
            vectors = batched.EncodeAll(texts);
        }
        else
        {
            vectors = [.. texts.Select(t =>
            {
                var v = new float[encoder.Dimensions];
                encoder.Encode(t, query: false, v);
                return v;
            })];
        }
        var sets = new Dictionary<string, FactVectorSet>(StringComparer.Ordinal);
        var next = 0;
        foreach (var fact in facts)
        {
            var forms = vectors.AsSpan(next, fact.Forms.Count).ToArray();
            next += fact.Forms.Count;
            var (answer, quote) = (vectors[next++], vectors[next++]);
            var nearMisses = vectors.AsSpan(next, fact.NearMisses.Count).ToArray();
            next += fact.NearMisses.Count;
            sets[fact.Id] = new FactVectorSet(forms, answer, quote) { NearMisses = nearMisses };
        }
        return new FactVectors(encoder.Name, encoder.Fingerprint, HashOf(encoder.Name, encoder.Fingerprint, facts), encoder.Dimensions, weights ?? new Dictionary<string, float>(), sets);
    }

    public void Write(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using (var writer = new BinaryWriter(File.Create(path + ".tmp"), Encoding.UTF8))
        {
            writer.Write(Encoding.ASCII.GetBytes(Magic));
            writer.Write(FormatVersion);
            writer.Write(Encoder);
            writer.Write(EncoderFingerprint);
            writer.Write(Hash);
            writer.Write(Dimensions);
            writer.Write(Weights.Count);
            foreach (var (word, weight) in Weights.OrderBy(w => w.Key, StringComparer.Ordinal))
            {
                writer.Write(word);
                writer.Write(weight);
            }
            writer.Write(Facts.Count);
            foreach (var (id, set) in Facts.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                writer.Write(id);
                writer.Write(set.Forms.Count);
                writer.Write(set.NearMisses.Count);
                foreach (var vector in set.Forms.Append(set.Answer).Append(set.Quote).Concat(set.NearMisses))
                {
                    WriteVector(writer, vector);
                }
            }
        }
        File.Move(path + ".tmp", path, overwrite: true);
        File.WriteAllText(HashFileFor(path), $"{Hash}  models/facts.yaml (question forms, answers, quotes) and models/near-misses.yaml, encoder {Encoder} ({EncoderFingerprint})\n");
    }

    private static void WriteVector(BinaryWriter writer, float[] vector)
    {
        var (bytes, scale) = QuantizedVector.Of(vector);
        writer.Write(scale);
        writer.Write(MemoryMarshal.AsBytes(bytes.AsSpan()));
    }

    /// <summary>
    /// Reads the committed vectors. A missing, damaged or stale file (<paramref name="currentHash"/> is not the one it
    /// was built for) stops the caller with one line naming <c>chatbot train</c>.
    /// </summary>
    public static FactVectors Load(string path, Func<FactVectors, string> currentHash)
    {
        if (!File.Exists(path))
        {
            throw new ChatBotDataException($"Cannot start: there are no fact vectors at {path}. Run `chatbot train` and commit models/.");
        }
        FactVectors vectors;
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
            vectors = Read(file);
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or ArgumentException or OverflowException or FormatException or UnauthorizedAccessException or OutOfMemoryException)
        {
            throw new ChatBotDataException($"Cannot start: the fact vectors {path} cannot be read ({ex.Message}). Run `chatbot train` and commit models/.", ex);
        }
        var current = currentHash(vectors);
        if (current != vectors.Hash)
        {
            throw new ChatBotDataException(
                $"Cannot start: the fact vectors {path} are stale — built from {Short(vectors.Hash)} ({vectors.Encoder}), and the facts and encoder are now {Short(current)}. Run `chatbot train` and commit models/.");
        }
        return vectors;
    }

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;

    private static FactVectors Read(Stream stream)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (Encoding.ASCII.GetString(reader.ReadBytes(4)) != Magic || reader.ReadInt32() != FormatVersion)
        {
            throw new IOException($"not a fact-vector file of version {FormatVersion}");
        }
        var encoder = reader.ReadString();
        var fingerprint = reader.ReadString();
        var hash = reader.ReadString();
        var dimensions = reader.ReadInt32();
        if (dimensions is <= 0 or > 4096)
        {
            throw new IOException($"vectors of {dimensions} dimensions");
        }
        var weightCount = reader.ReadInt32();
        if (weightCount < 0 || weightCount > stream.Length)
        {
            throw new IOException($"{weightCount} word weights in a file of {stream.Length} bytes: it was cut short or damaged");
        }
        var weights = new Dictionary<string, float>(weightCount, StringComparer.Ordinal);
        for (var i = 0; i < weightCount; i++)
        {
            weights[reader.ReadString()] = reader.ReadSingle();
        }
        var factCount = reader.ReadInt32();
        if (factCount < 0 || (long)factCount * dimensions > stream.Length)
        {
            throw new IOException($"{factCount} facts of {dimensions} dimensions in a file of {stream.Length} bytes: it was cut short or damaged");
        }
        var facts = new Dictionary<string, FactVectorSet>(factCount, StringComparer.Ordinal);
        for (var i = 0; i < factCount; i++)
        {
            var id = reader.ReadString();
            var forms = reader.ReadInt32();
            if (forms < 0 || (long)forms * dimensions > stream.Length)
            {
                throw new IOException($"fact {id} claims {forms} question forms");
            }
            var nearMisses = reader.ReadInt32();
            if (nearMisses < 0 || (long)nearMisses * dimensions > stream.Length)
            {
                throw new IOException($"fact {id} claims {nearMisses} near misses");
            }
            var all = new float[forms + 2 + nearMisses][];
            var stored = new QuantizedVector[all.Length];
            for (var j = 0; j < all.Length; j++)
            {
                var scale = reader.ReadSingle();
                var bytes = new sbyte[dimensions];
                reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(bytes.AsSpan()));
                stored[j] = new QuantizedVector(bytes, scale);
                all[j] = new float[dimensions];
                for (var d = 0; d < dimensions; d++)
                {
                    all[j][d] = bytes[d] * scale;
                }
            }
            facts[id] = new FactVectorSet(all[..forms], all[forms], all[forms + 1]) { NearMisses = all[(forms + 2)..], Stored = stored };
        }
        return new FactVectors(encoder, fingerprint, hash, dimensions, weights, facts);
    }
}
