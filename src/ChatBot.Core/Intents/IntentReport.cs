using System.Globalization;
using System.Text;

namespace ChatBot.Core.Intents;

/// <summary>Precision, recall and F1 of one intent in an evaluation.</summary>
public sealed record IntentMetrics(string Intent, int Support, int Predicted, double Precision, double Recall, double F1);

/// <summary>
/// How well the classifier named the intents of a set of utterances: per-intent P/R/F1, macro F1, accuracy, the
/// confusion matrix and the errors — what <c>rasa test</c> reports, from which <c>chatbot eval --intents</c> prints.
/// </summary>
public sealed class IntentReport
{
    private IntentReport(IReadOnlyList<string> intents, IReadOnlyList<ScoredUtterance> rows, int[,] confusion, IReadOnlyList<IntentMetrics> perIntent)
    {
        Intents = intents;
        Rows = rows;
        Confusion = confusion;
        PerIntent = perIntent;
    }

    public IReadOnlyList<string> Intents { get; }

    public IReadOnlyList<ScoredUtterance> Rows { get; }

    /// <summary>Counts by [expected, predicted], both indexed as in <see cref="Intents"/>.</summary>
    public int[,] Confusion { get; }

    public IReadOnlyList<IntentMetrics> PerIntent { get; }

    /// <summary>Mean F1 over the intents that occur in the set, each intent counting the same.</summary>
    public double MacroF1 => PerIntent.Where(m => m.Support > 0).Select(m => m.F1).DefaultIfEmpty(0).Average();

    public double Accuracy => Rows.Count == 0 ? 0 : Rows.Count(r => r.Correct) / (double)Rows.Count;

    public IEnumerable<ScoredUtterance> Errors => Rows.Where(r => !r.Correct);

    public static IntentReport Create(IEnumerable<string> intents, IEnumerable<ScoredUtterance> scored)
    {
        var rows = scored.ToList();
        var names = intents.Concat(rows.Select(r => r.Expected)).Concat(rows.Select(r => r.Predicted))
            .Distinct(StringComparer.Ordinal).ToList();
        var index = names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i, StringComparer.Ordinal);
        var confusion = new int[names.Count, names.Count];
        foreach (var row in rows)
        {
            confusion[index[row.Expected], index[row.Predicted]]++;
        }
        var metrics = new List<IntentMetrics>(names.Count);
        for (var i = 0; i < names.Count; i++)
        {
            int support = 0, predicted = 0;
            for (var j = 0; j < names.Count; j++)
            {
                support += confusion[i, j];
                predicted += confusion[j, i];
            }
            var hit = confusion[i, i];
            var precision = predicted == 0 ? 0 : hit / (double)predicted;
            var recall = support == 0 ? 0 : hit / (double)support;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            metrics.Add(new IntentMetrics(names[i], support, predicted, precision, recall, f1));
        }
        return new IntentReport(names, rows, confusion, metrics);
    }

    /// <summary>The per-intent table, for a terminal.</summary>
    public string FormatTable()
    {
        var width = Math.Max(10, Intents.Max(i => i.Length));
        var text = new StringBuilder();
        text.Append("intent".PadRight(width)).AppendLine("  precision  recall     f1  support");
        foreach (var m in PerIntent.Where(m => m.Support > 0 || m.Predicted > 0))
        {
            text.Append(m.Intent.PadRight(width))
                .Append(Invariant($"  {m.Precision,9:0.000}  {m.Recall,6:0.000}  {m.F1,5:0.000}  {m.Support,7}")).AppendLine();
        }
        text.Append("macro F1".PadRight(width)).AppendLine(Invariant($"                   {MacroF1,5:0.000}  {Rows.Count,7}"));
        text.Append("accuracy".PadRight(width)).AppendLine(Invariant($"                   {Accuracy,5:0.000}"));
        return text.ToString();
    }

    /// <summary>The confusion matrix with numbered columns and a legend, rows expected, columns predicted.</summary>
    public string FormatConfusion()
    {
        var used = Enumerable.Range(0, Intents.Count).Where(i => PerIntent[i].Support > 0 || PerIntent[i].Predicted > 0).ToList();
        var width = Math.Max(10, used.Max(i => Intents[i].Length));
        var text = new StringBuilder();
        text.Append("expected \\ predicted".PadRight(width + 4));
        foreach (var j in used)
        {
            text.Append(Invariant($"{j + 1,4}"));
        }
        text.AppendLine();
        foreach (var i in used)
        {
            text.Append(Invariant($"{i + 1,2}. ")).Append(Intents[i].PadRight(width)).Append(' ');
            foreach (var j in used)
            {
                text.Append(Confusion[i, j] == 0 ? "   ." : Invariant($"{Confusion[i, j],4}"));
            }
            text.AppendLine();
        }
        return text.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
