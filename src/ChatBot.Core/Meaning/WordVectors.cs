using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace ChatBot.Core.Meaning;

/// <summary>
/// A fixed table of word meanings: one vector per English word of a pretrained sentence encoder's vocabulary, so the
/// classifier can tell that "farewell" and "goodbye", or "menu" and "options", mean alike although no example pairs
/// them. <c>src/ChatBot.Vectors</c> builds <c>models/word-vectors.bin</c> by running the encoder on each word alone (a
/// static distillation of the encoder); the host only reads the table, so no neural network runs per turn: a message's
/// vector is the normalized mean of its known words' vectors, a few microseconds.
/// </summary>
/// <remarks>
/// File: "KZWV", version 1, dimensions, word count, the vocabulary's mean vector (floats), then per word its UTF-8
/// text (length-prefixed), a float scale and the vector as signed bytes (value = byte × scale). The vectors were
/// centred on that mean and normalized before quantizing, so what all words share (the encoder's common direction)
/// does not drown what sets them apart.
/// </remarks>
public sealed class WordVectors
{
    /// <summary>The width of the vectors (MiniLM-L6's), fixed because ML.NET's input column needs a fixed size.</summary>
    public const int Dimensions = 384;

    private const string Magic = "KZWV";
    private const int FormatVersion = 1;

    private readonly Dictionary<string, int> _index;
    private readonly string[] _words;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _byspan;
    private readonly sbyte[] _values;
    private readonly float[] _scales;

    private WordVectors(Dictionary<string, int> index, sbyte[] values, float[] scales, float[] centre, string fingerprint)
    {
        Centre = centre;
        _index = index;
        _words = new string[scales.Length];
        foreach (var (word, i) in index)
        {
            _words[i] = word;
        }
        _byspan = index.GetAlternateLookup<ReadOnlySpan<char>>();
        _values = values;
        _scales = scales;
        Fingerprint = fingerprint;
    }

    /// <summary>No table: every message's vector is zero, and the classifier learns from its n-grams alone.</summary>
    public static WordVectors Empty { get; } = new([], [], [], new float[Dimensions], "none");

    /// <summary>The mean of the encoder's vectors that each word's vector was centred on before it was stored.</summary>
    public IReadOnlyList<float> Centre { get; }

    /// <summary>How many words have a vector.</summary>
    public int Count => _scales.Length;

    /// <summary>The table's SHA-256: part of the training-data hash, so a rebuilt table makes the model stale until `chatbot train`.</summary>
    public string Fingerprint { get; }

    public bool Contains(string word) => _index.ContainsKey(word);

    /// <summary>The stored (centred, unit-length, quantized) vector of a word, or null when it has none.</summary>
    public float[]? Vector(string word)
    {
        if (!_index.TryGetValue(word, out var i))
        {
            return null;
        }
        var vector = new float[Dimensions];
        for (var d = 0; d < Dimensions; d++)
        {
            vector[d] = _values[i * Dimensions + d] * _scales[i];
        }
        return vector;
    }

    public static WordVectors Load(string path)
    {
        try
        {
            // Streamed, not read whole: the table is the only copy of the file the process keeps.
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
            var fingerprint = Convert.ToHexStringLower(SHA256.HashData(file));
            file.Position = 0;
            return Read(file, fingerprint);
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or ArgumentException or OverflowException or FormatException or UnauthorizedAccessException)
        {
            throw new ChatBotDataException($"The word vectors {path} cannot be read ({ex.Message}). Restore it from git, or rebuild it with `dotnet run --project src/ChatBot.Vectors`, then `chatbot train`.", ex);
        }
    }

    private static WordVectors Read(Stream stream, string fingerprint)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (Encoding.ASCII.GetString(reader.ReadBytes(4)) != Magic || reader.ReadInt32() != FormatVersion)
        {
            throw new IOException("not a word-vector file of version 1");
        }
        var dimensions = reader.ReadInt32();
        var count = reader.ReadInt32();
        if (dimensions != Dimensions || count < 0)
        {
            throw new IOException($"{count} vectors of {dimensions} dimensions, expected {Dimensions} dimensions");
        }
        if ((long)count * dimensions > stream.Length)
        {
            throw new IOException($"the file holds {stream.Length} bytes, fewer than its {count} vectors need: it was cut short");
        }
        var centre = new float[dimensions];
        for (var d = 0; d < dimensions; d++)
        {
            centre[d] = reader.ReadSingle();
        }
        var index = new Dictionary<string, int>(count, StringComparer.Ordinal);
        var values = new sbyte[count * dimensions];
        var scales = new float[count];
        for (var i = 0; i < count; i++)
        {
            index[reader.ReadString()] = i;
            scales[i] = reader.ReadSingle();
            reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan(i * dimensions, dimensions)));
        }
        return new WordVectors(index, values, scales, centre, fingerprint);
    }

    /// <summary>
    /// Writes a table: each vector is centred on the mean of all of them, scaled to length 1 and quantized to signed
    /// bytes. Words are written in ordinal order, so the same vectors always give the same file.
    /// </summary>
    public static void Write(string path, IReadOnlyDictionary<string, float[]> vectors)
    {
        var mean = new double[Dimensions];
        foreach (var vector in vectors.Values)
        {
            if (vector.Length != Dimensions)
            {
                throw new ArgumentException($"Every vector needs {Dimensions} dimensions.", nameof(vectors));
            }
            for (var d = 0; d < Dimensions; d++)
            {
                mean[d] += vector[d] / vectors.Count;
            }
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using (var writer = new BinaryWriter(File.Create(path + ".tmp"), Encoding.UTF8))
        {
            writer.Write(Encoding.ASCII.GetBytes(Magic));
            writer.Write(FormatVersion);
            writer.Write(Dimensions);
            writer.Write(vectors.Count);
            foreach (var value in mean)
            {
                writer.Write((float)value);
            }
            var centred = new double[Dimensions];
            foreach (var (word, vector) in vectors.OrderBy(v => v.Key, StringComparer.Ordinal))
            {
                double length = 0;
                for (var d = 0; d < Dimensions; d++)
                {
                    centred[d] = vector[d] - (float)mean[d];
                    length += centred[d] * centred[d];
                }
                length = Math.Sqrt(length);
                var largest = centred.Max(Math.Abs) / Math.Max(length, 1e-12);
                var scale = (float)(largest / 127);
                writer.Write(word);
                writer.Write(scale);
                for (var d = 0; d < Dimensions; d++)
                {
                    writer.Write(scale == 0 ? (sbyte)0 : (sbyte)Math.Round(centred[d] / length / scale));
                }
            }
        }
        File.Move(path + ".tmp", path, overwrite: true);
    }

    /// <summary>The shortest word <see cref="TryOneEditAway"/> corrects: shorter ones have too many neighbours to guess from.</summary>
    public const int MinCorrectedLength = 4;

    /// <summary>
    /// A typed word the table lacks, read as the first table word one edit away ("hepl" → "help", "explenation" →
    /// "explanation"): a letter dropped, two neighbours swapped, one letter changed, one added — in that order, each
    /// left to right, so the same typo always lands on the same word. Only plain a–z words of
    /// <see cref="MinCorrectedLength"/> letters or more; candidates are built on the stack, nothing is allocated.
    /// </summary>
    private bool TryOneEditAway(string word, out int index)
    {
        index = -1;
        if (word.Length < MinCorrectedLength || word.Length > 30 || _scales.Length == 0 || word.AsSpan().ContainsAnyExceptInRange('a', 'z'))
        {
            return false;
        }
        Span<char> candidate = stackalloc char[word.Length + 1];
        var w = word.AsSpan();
        for (var i = 0; i < w.Length; i++)
        {
            w[..i].CopyTo(candidate);
            w[(i + 1)..].CopyTo(candidate[i..]);
            if (_byspan.TryGetValue(candidate[..(w.Length - 1)], out index))
            {
                return true;
            }
        }
        for (var i = 0; i + 1 < w.Length; i++)
        {
            w.CopyTo(candidate);
            (candidate[i], candidate[i + 1]) = (candidate[i + 1], candidate[i]);
            if (_byspan.TryGetValue(candidate[..w.Length], out index))
            {
                return true;
            }
        }
        for (var i = 0; i < w.Length; i++)
        {
            w.CopyTo(candidate);
            foreach (var letter in AsciiLower)
            {
                candidate[i] = letter;
                if (letter != w[i] && _byspan.TryGetValue(candidate[..w.Length], out index))
                {
                    return true;
                }
            }
        }
        for (var i = 0; i <= w.Length; i++)
        {
            w[..i].CopyTo(candidate);
            w[i..].CopyTo(candidate[(i + 1)..]);
            foreach (var letter in AsciiLower)
            {
                candidate[i] = letter;
                if (_byspan.TryGetValue(candidate, out index))
                {
                    return true;
                }
            }
        }
        return false;
    }

    private const string AsciiLower = "abcdefghijklmnopqrstuvwxyz";

    /// <summary>
    /// The meaning of a message: the mean of its known words' vectors (a word one typo away from a known one counts as
    /// that one) scaled to length <paramref name="length"/>, or zeros when no word is known (a name, another script).
    /// </summary>
    public float[] Embed(IEnumerable<string> words, float length)
    {
        var sum = new float[Dimensions];
        EmbedInto(words, length, sum);
        return sum;
    }

    /// <summary><see cref="Embed"/> written into <paramref name="into"/> (which it clears first), so a caller can reuse one buffer.</summary>
    public void EmbedInto(IEnumerable<string> words, float length, Span<float> into) => EmbedInto(words, null, length, into);

    /// <summary>
    /// The weighted mean of the words' vectors, scaled to <paramref name="length"/>: each known word (or the word one
    /// typo away from it) counts by <paramref name="weight"/> of the word the table holds — an IDF, say, so the words
    /// that set a sentence apart outweigh "the" and "what".
    /// </summary>
    public void EmbedInto(IEnumerable<string> words, Func<string, float>? weight, float length, Span<float> into)
    {
        var sum = into[..Dimensions];
        sum.Clear();
        var known = 0;
        foreach (var word in words)
        {
            if (!_index.TryGetValue(word, out var i) && !TryOneEditAway(word, out i))
            {
                continue;
            }
            var scale = _scales[i] * (weight is null ? 1 : weight(_words[i]));
            if (scale == 0)
            {
                continue;
            }
            var row = _values.AsSpan(i * Dimensions, Dimensions);
            for (var d = 0; d < Dimensions; d++)
            {
                sum[d] += row[d] * scale;
            }
            known++;
        }
        double norm = 0;
        foreach (var value in sum)
        {
            norm += value * value;
        }
        if (known == 0 || norm == 0)
        {
            return;
        }
        var factor = (float)(length / Math.Sqrt(norm));
        for (var d = 0; d < Dimensions; d++)
        {
            sum[d] *= factor;
        }
    }
}
