namespace ChatBot.Core.Knowledge;

/// <summary>
/// Everyday words people use for what the documents say in other words ("open" ties for "establish", "sell" for
/// "export", "finished" for "completed"), mapped to one form before stemming, on the documents and the questions alike.
/// General English only: nothing here names a fact or a test question.
/// </summary>
public static class Synonyms
{
    private static readonly Dictionary<string, string> Canonical = new(StringComparer.Ordinal)
    {
        ["open"] = "establish", ["opened"] = "establish", ["founded"] = "establish", ["set"] = "establish",
        ["finish"] = "complete", ["finished"] = "complete", ["done"] = "complete", ["built"] = "complete",
        ["sell"] = "export", ["sells"] = "export", ["sold"] = "export", ["ship"] = "export", ["ships"] = "export",
        ["buy"] = "import", ["buys"] = "import", ["bought"] = "import", ["purchase"] = "import", ["purchases"] = "import",
        ["carmaker"] = "car", ["carmakers"] = "car", ["automaker"] = "car", ["automakers"] = "car", ["vehicle"] = "car", ["vehicles"] = "car", ["auto"] = "car",
        ["pharma"] = "pharmaceutical", ["healthcare"] = "health", ["medicine"] = "medical",
        ["firms"] = "company", ["firm"] = "company", ["businesses"] = "company", ["companies"] = "company",
        ["enterprise"] = "company", ["enterprises"] = "company",
        ["money"] = "investment", ["capital"] = "investment",
        ["biggest"] = "largest", ["big"] = "large", ["huge"] = "large",
        ["died"] = "death", ["die"] = "death", ["dies"] = "death",
        ["lunch"] = "luncheon",
        ["ties"] = "relation", ["relationship"] = "relation", ["relationships"] = "relation",
        ["envoy"] = "ambassador", ["envoys"] = "ambassador",
        ["trip"] = "visit", ["trips"] = "visit", ["went"] = "visit", ["came"] = "visit",
        ["deported"] = "deportation", ["evicted"] = "deportation", ["resettlement"] = "deportation",
        ["talks"] = "consultation",
        ["talk"] = "discuss", ["talked"] = "discuss", ["talking"] = "discuss", ["discussion"] = "discuss", ["discussions"] = "discuss",
        ["fast"] = "rapid", ["quick"] = "rapid", ["quickly"] = "rapid", ["swift"] = "rapid", ["swiftly"] = "rapid", ["speedy"] = "rapid",
        ["top"] = "largest",
        ["build"] = "construction", ["builds"] = "construction",
        ["young"] = "generation", ["youth"] = "generation",
        ["loving"] = "advocate", ["peaceful"] = "peace",
    };

    /// <summary>Two-word phrases that mean one word the documents use ("end up" somewhere is to settle there).</summary>
    private static readonly Dictionary<(string, string), string> Phrases = new()
    {
        [("end", "up")] = "settle", [("ended", "up")] = "settle", [("ends", "up")] = "settle",
    };

    public static string Map(string word) => Canonical.GetValueOrDefault(word, word);

    /// <summary>The one word a two-word phrase means, or null.</summary>
    public static string? MapPhrase(string first, string second) => Phrases.GetValueOrDefault((first, second));
}
