using Lucene.Net.Tartarus.Snowball.Ext;

namespace ChatBot.Core.Knowledge;

/// <summary>
/// The Snowball English (Porter2) stemmer, applied alike to the documents and the questions so that "investments",
/// "invested" and "investment" meet, "implements" and "implementation", "construction" and "constructed", and
/// "related" and "relations". Numbers and words of three letters or fewer are left as they are.
/// </summary>
public static class Stemmer
{
    public static string Stem(string word)
    {
        if (word.Length <= 3 || !char.IsLetter(word[^1]))
        {
            return word;
        }
        // A Snowball stemmer keeps state between calls, so each call has its own; the lexicon caches the stems of
        // every word it knows, so this runs only for words it has not seen.
        var stemmer = new EnglishStemmer();
        stemmer.SetCurrent(word);
        stemmer.Stem();
        return stemmer.Current;
    }
}
