namespace ChatBot.Core.Knowledge;

/// <summary>The five seed documents, loaded once: original lines for citations, match keys for quote checks, passages for fallback.</summary>
public sealed class SeedCorpus
{
    private readonly Dictionary<string, SeedDocument> _byName;

    public SeedCorpus(IEnumerable<SeedDocument> documents)
    {
        Documents = [.. documents.OrderBy(d => d.FileName, StringComparer.Ordinal)];
        _byName = Documents.ToDictionary(d => d.FileName, StringComparer.Ordinal);
        Passages = [.. Documents.SelectMany(d => d.Passages)];
    }

    public IReadOnlyList<SeedDocument> Documents { get; }

    /// <summary>Every sentence-sized passage of every seed, in file and line order.</summary>
    public IReadOnlyList<SeedPassage> Passages { get; }

    /// <summary>Reads every <c>*.txt</c> in the seeds folder.</summary>
    public static SeedCorpus Load(string seedsFolder)
    {
        if (!Directory.Exists(seedsFolder))
        {
            throw new ChatBotDataException($"The seeds folder '{seedsFolder}' does not exist.");
        }
        var files = Directory.GetFiles(seedsFolder, "*.txt");
        if (files.Length == 0)
        {
            throw new ChatBotDataException($"The seeds folder '{seedsFolder}' holds no .txt documents.");
        }
        return new SeedCorpus(files.Select(f => new SeedDocument(Path.GetFileName(f), File.ReadAllLines(f))));
    }

    public SeedDocument? Document(string fileName) => _byName.GetValueOrDefault(fileName);

    /// <summary>
    /// Where <paramref name="quote"/> occurs in <paramref name="source"/> within the given lines, compared by match
    /// key; null when the file is unknown or the quote is not there.
    /// </summary>
    public LineRange? Find(string source, string quote, int firstLine, int lastLine) =>
        Document(source)?.Find(quote, new LineRange(firstLine, lastLine));
}
