using System.Globalization;
using System.Net;
using System.Text;

namespace ChatBot.Core.Curation;

/// <summary>
/// The curator's review as one HTML page, for <c>/curator</c> (the stylesheet linked, no script: the host's CSP holds)
/// and for <c>chatbot report</c> (the stylesheet inline, so the file stands alone).
/// </summary>
public static class CuratorReviewHtml
{
    public const string Css = """
        :root { color-scheme: light; --ink: #1d2730; --muted: #5b6770; --line: #d8dee3; --accent: #0b6e99; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink); background: #fff; }
        header, main { max-width: 960px; margin: 0 auto; padding: 12px 16px; }
        header { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: baseline; justify-content: space-between; border-bottom: 1px solid var(--line); }
        h1 { font-size: 1.3rem; margin: 0; } h2 { font-size: 1.1rem; margin: 28px 0 8px; } h3 { font-size: 1rem; margin: 0 0 4px; overflow-wrap: anywhere; }
        nav a { margin-right: 12px; color: var(--accent); }
        .muted, small { color: var(--muted); }
        .card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; margin: 10px 0; overflow-wrap: anywhere; }
        .count { font-weight: 600; color: var(--accent); }
        pre { background: #f4f6f8; padding: 8px; border-radius: 6px; overflow-x: auto; white-space: pre; font-size: 13px; }
        table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; overflow-wrap: anywhere; }
        ul { padding-left: 20px; margin: 4px 0; }
        form { display: inline; } button, input { font: inherit; padding: 6px 10px; }
        .signin { max-width: 360px; margin: 48px auto; padding: 16px; } .signin input { width: 100%; margin: 8px 0; }
        .error { color: #a4262c; }
        @media (max-width: 600px) { body { font-size: 14px; } th:nth-child(n+3), td:nth-child(n+3) { display: none; } }
        """;

    public static string Render(CuratorReview review, string? stylesheetHref = null, string? signOutScript = null)
    {
        var html = new StringBuilder(16_384);
        html.Append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Append("<title>Curator review</title><link rel=\"icon\" href=\"/favicon.svg\">");
        if (stylesheetHref is null)
        {
            html.Append("<style>").Append(Css).Append("</style>");
        }
        else
        {
            html.Append("<link rel=\"stylesheet\" href=\"").Append(E(stylesheetHref)).Append("\">");
        }
        if (signOutScript is not null)
        {
            html.Append("<script src=\"").Append(E(signOutScript)).Append("\" defer></script>");
        }
        html.Append("</head><body><header><h1>Curator review</h1><span class=\"muted\">")
            .Append(review.EventCount).Append(" events of the last ").Append(review.RetentionDays).Append(" days · ")
            .Append(E(review.Generated.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))).Append("</span>");
        if (signOutScript is not null)
        {
            html.Append("<button type=\"button\" id=\"sign-out\">Sign out</button>");
        }
        html.Append("<nav><a href=\"#unanswered\">Unanswered</a><a href=\"#disliked\">Disliked</a><a href=\"#ratings\">Ratings</a><a href=\"#uncovered\">Uncovered lines</a><a href=\"#intents\">Intents</a></nav></header><main>");

        html.Append("<section id=\"unanswered\"><h2>Unanswered questions (").Append(review.Unanswered.Sum(g => g.Count)).Append(" in ").Append(review.Unanswered.Count).Append(" groups)</h2>");
        if (review.Unanswered.Count == 0)
        {
            html.Append("<p class=\"muted\">No refused, nearly answered or asked-back questions.</p>");
        }
        foreach (var group in review.Unanswered)
        {
            html.Append("<article class=\"card unanswered\"><h3><span class=\"count\">").Append(group.Count).Append(" ×</span> ").Append(E(group.Representative)).Append("</h3>");
            html.Append("<small>last seen ").Append(E(group.LastSeen.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))).Append(" · ").Append(E(string.Join("; ", group.Reasons))).Append("</small>");
            html.Append("<ul>");
            foreach (var example in group.Examples)
            {
                html.Append("<li>").Append(E(example)).Append("</li>");
            }
            html.Append("</ul>");
            if (group.Nearest.Count > 0)
            {
                html.Append("<p>Nearest facts:</p><ul>");
                foreach (var fact in group.Nearest)
                {
                    html.Append("<li><code>").Append(E(fact.Id)).Append("</code> — ").Append(E(fact.Answer)).Append(" <small>(").Append(E(fact.Citation.Label)).Append(")</small></li>");
                }
                html.Append("</ul>");
            }
            html.Append("<pre class=\"yaml\">").Append(E(group.YamlForm)).Append("</pre></article>");
        }
        html.Append("</section>");

        html.Append("<section id=\"disliked\"><h2>Disliked answers (").Append(review.Disliked.Count).Append(")</h2>");
        if (review.Disliked.Count == 0)
        {
            html.Append("<p class=\"muted\">No dislikes.</p>");
        }
        foreach (var dislike in review.Disliked)
        {
            html.Append("<article class=\"card disliked\"><h3>").Append(E(dislike.Question.Length > 0 ? dislike.Question : "(answer no longer remembered)")).Append("</h3>");
            html.Append("<small>").Append(E(dislike.Time.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)));
            if (dislike.FactIds.Count > 0)
            {
                html.Append(" · facts ").Append(E(string.Join(", ", dislike.FactIds)));
            }
            html.Append("</small>");
            if (dislike.Answer is { } answer)
            {
                html.Append("<p>").Append(E(answer)).Append("</p>");
            }
            if (dislike.Comment is { } comment)
            {
                html.Append("<p><strong>Comment:</strong> ").Append(E(comment)).Append("</p>");
            }
            html.Append("</article>");
        }
        html.Append("</section>");

        html.Append("<section id=\"ratings\"><h2>Likes per fact</h2>");
        if (review.Ratings.Count == 0)
        {
            html.Append("<p class=\"muted\">No rated answers yet.</p>");
        }
        else
        {
            html.Append("<table><thead><tr><th>Fact</th><th>Likes</th><th>Dislikes</th></tr></thead><tbody>");
            foreach (var rating in review.Ratings)
            {
                html.Append("<tr><td><code>").Append(E(rating.FactId)).Append("</code></td><td>").Append(rating.Likes).Append("</td><td>").Append(rating.Dislikes).Append("</td></tr>");
            }
            html.Append("</tbody></table>");
        }
        html.Append("</section>");

        html.Append("<section id=\"uncovered\"><h2>Seed lines no fact covers (").Append(review.UncoveredLines.Count).Append(")</h2>");
        if (review.UncoveredLines.Count == 0)
        {
            html.Append("<p class=\"muted\">Every non-empty seed line is covered by a fact or a skip entry.</p>");
        }
        else
        {
            html.Append("<table><thead><tr><th>Seed</th><th>Line</th><th>Text</th></tr></thead><tbody>");
            foreach (var line in review.UncoveredLines)
            {
                html.Append("<tr><td>").Append(E(line.Source)).Append("</td><td>").Append(line.Line).Append("</td><td>").Append(E(line.Text)).Append("</td></tr>");
            }
            html.Append("</tbody></table>");
        }
        html.Append("</section>");

        html.Append("<section id=\"intents\"><h2>Intent confusion of the last <code>chatbot eval --intents</code></h2>");
        html.Append(review.IntentConfusion is { } confusion
            ? "<pre>" + E(confusion) + "</pre>"
            : "<p class=\"muted\">No intent evaluation found (run <code>chatbot eval --intents</code>).</p>");
        html.Append("</section></main></body></html>\n");
        return html.ToString();
    }

    /// <summary>The newest <c>*_confusion_matrix.txt</c> that <c>chatbot eval --intents</c> wrote under <paramref name="folder"/>, if any.</summary>
    public static string? LatestIntentConfusion(string folder)
    {
        try
        {
            return Directory.Exists(folder)
                ? Directory.EnumerateFiles(folder, "*_confusion_matrix.txt").Select(f => new FileInfo(f)).OrderByDescending(f => f.LastWriteTimeUtc).FirstOrDefault() is { } file
                    ? File.ReadAllText(file.FullName)
                    : null
                : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
