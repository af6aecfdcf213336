using System.Security.Cryptography;
using System.Text;

namespace ChatBot.Core.Intents;

/// <summary>The fingerprint of the dialogs/ data a model was trained on, so a stale model is noticed at start.</summary>
public static class TrainingDataHash
{
    /// <summary>
    /// SHA-256 over each <c>dialogs/*.yaml</c> file's name and text, in ordinal name order, then over the extra
    /// training rows (the fact questions) in order, then over <paramref name="featurization"/> (the pipeline version
    /// and the entity aliases and contractions the normalizer rewrites, and the lexicon's text). Line endings are normalized
    /// first, so a Windows checkout of the same data does not look changed; a fact or entity edit that leaves questions and
    /// aliases alone does not change the hash.
    /// </summary>
    public static string Compute(string dialogsFolder, IEnumerable<IntentExample>? extraRows = null, string? featurization = null)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in DialogCatalog.Files(dialogsFolder))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(Path.GetFileName(file) + "\n"));
            sha.AppendData(Encoding.UTF8.GetBytes(File.ReadAllText(file).ReplaceLineEndings("\n")));
            sha.AppendData("\0"u8);
        }
        foreach (var row in extraRows ?? [])
        {
            sha.AppendData(Encoding.UTF8.GetBytes(row.Label + "\t" + row.Text + "\n"));
        }
        if (!string.IsNullOrEmpty(featurization))
        {
            sha.AppendData("\0"u8);
            sha.AppendData(Encoding.UTF8.GetBytes(featurization.ReplaceLineEndings("\n")));
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>The hash stored next to a model (<c>intent-classifier.sha256</c>), or null when there is none.</summary>
    public static string? Read(string hashFile) =>
        File.Exists(hashFile)
            ? File.ReadAllText(hashFile).Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()
            : null;

    /// <summary>Writes the hash in <c>sha256sum</c> style: the hex digest, then what it covers.</summary>
    public static void Write(string hashFile, string hash) =>
        File.WriteAllText(hashFile, $"{hash}  dialogs/*.yaml, fact questions, entity aliases, lexicon, word vectors\n");
}
