namespace ChatBot.Core.Knowledge;

/// <summary>
/// Words that carry no subject of their own in a question or a document ("what", "the", "tell me about"). "who",
/// "when", "where", "why" and "how" are not among them: they say what kind of answer is wanted, and the facts'
/// question forms carry them too.
/// </summary>
public static class Stopwords
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with", "from", "into", "onto",
        "as", "than", "then", "so", "such", "that", "this", "these", "those", "there", "here", "it", "its", "it's", "is", "are",
        "was", "were", "be", "been", "being", "am", "do", "does", "did", "done", "doing", "have", "has", "had", "having",
        "will", "would", "shall", "should", "can", "could", "may", "might", "must", "i", "me", "my", "we", "our", "us", "you",
        "your", "he", "him", "his", "she", "her", "they", "them", "their", "what", "whats", "which", "whom",
        "wat", "wht", "pls", "please", "tell", "about", "know", "any", "some", "all", "now",
        "also", "just", "very", "much", "many", "more", "most", "other", "own", "same", "too", "up", "down", "out", "over",
        "again", "still", "yet", "ever", "not", "no", "nor", "only", "both", "each", "few", "between", "among", "via", "per",
        "s", "t", "o", "d", "ll", "re", "ve", "im", "ok", "okay", "hi", "hey", "hello", "thanks", "thank", "one",
        "give", "show", "get", "got", "say", "said", "says", "like", "want", "need", "let", "lets",
        "gave", "given", "gives", "giving", "before", "after", "beyond", "during",
        "happen", "happened", "happens", "occur", "occurred", "figure", "figures", "take", "takes", "took", "taken", "exist", "exists", "existed", "existing",
    };

    public static bool Contains(string word) => Words.Contains(word);
}
