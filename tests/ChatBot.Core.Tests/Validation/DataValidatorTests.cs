using ChatBot.Core.Validation;
using ChatBot.Tests.Shared;

namespace ChatBot.Core.Tests.Validation;

/// <summary>
/// <c>chatbot data validate</c> on the committed data and on temporary copies broken one way each: every message names
/// the file, the line a curator must edit, and the fix.
/// </summary>
public sealed class DataValidatorTests
{
    private static readonly ChatBotPaths Paths = ChatBotPaths.Locate();

    [Fact]
    public void Committed_data_passes()
    {
        var report = new DataValidator(Paths).Validate();
        report.Passed.ShouldBeTrue(string.Join("\n", report.Errors));
    }

    [Fact]
    public void An_example_under_two_intents_is_reported_at_its_second_line()
    {
        using var copy = new DataCopy(Paths);
        copy.Edit("dialogs/greeting.yaml", t => t.Replace("examples:\n", "examples:\n  - what was the trade volume in 2019\n"));
        var issue = Single(copy, "is an example of");
        issue.File.ShouldBe("dialogs/trade.yaml");
        issue.Line.ShouldBe(copy.LineOf("dialogs/trade.yaml", "- what was the trade volume in 2019"));
        issue.Message.ShouldContain("of trade and of greeting (dialogs/greeting.yaml:");
        issue.Fix.ShouldContain("keep it under the one intent");
    }

    [Fact]
    public void A_reply_text_with_a_placeholder_the_bot_does_not_fill_is_reported_at_its_key()
    {
        using var copy = new DataCopy(Paths);
        copy.Edit("dialogs/responses.yaml", t => t.Replace("{first} or {second}?", "{first} or {third}?", StringComparison.Ordinal));
        var issue = Single(copy, "uses {third}");
        issue.File.ShouldBe("dialogs/responses.yaml");
        issue.Line.ShouldBe(copy.LineOf("dialogs/responses.yaml", "  clarify: "));
        issue.Message.ShouldContain("'clarify'");
    }

    [Fact]
    public void An_answer_model_trained_on_other_data_is_reported_naming_chatbot_train()
    {
        using var copy = new DataCopy(Paths);
        copy.Edit("models/countries.txt", t => t + "\nAtlantis\n");
        var issue = Single(copy, "answer model");
        issue.File.ShouldBe("models/answer-model.zip");
        issue.Fix.ShouldContain("chatbot train");
    }

    [Fact]
    public void Fact_vectors_of_an_edited_answer_are_reported_stale_naming_chatbot_train()
    {
        using var copy = new DataCopy(Paths);
        copy.Edit("models/facts.yaml", t => ReplaceFirst(t, "Kazakhstan marked 20 years", "Kazakhstan celebrated 20 years"));
        var issue = Single(copy, "fact vectors");
        issue.File.ShouldBe("models/fact-vectors.bin");
        issue.Message.ShouldContain("stale");
        issue.Fix.ShouldContain("chatbot train");
    }

    [Fact]
    public void A_dev_question_whose_intent_has_no_dialog_file_is_reported()
    {
        using var copy = new DataCopy(Paths);
        copy.Edit("tests/data/questions.yaml", t => ReplaceFirst(t, "  intent: diplomatic_relations\n", "  intent: weather\n"));
        var issue = Single(copy, "which has no dialogs/ file");
        issue.File.ShouldBe("tests/data/questions.yaml");
        issue.Line.ShouldBe(copy.LineOf("tests/data/questions.yaml", "intent: weather"));
        issue.Fix.ShouldContain("dialogs/weather.yaml");
    }

    [Fact]
    public void A_fact_whose_topic_is_no_intent_is_reported_at_its_id()
    {
        using var copy = new DataCopy(Paths);
        copy.Edit("models/facts.yaml", t => ReplaceFirst(t, "topic: kazakhstan_background", "topic: sports"));
        var issue = Single(copy, "unknown topic 'sports'");
        issue.File.ShouldBe("models/facts.yaml");
        issue.Line.ShouldBe(copy.LineOf("models/facts.yaml", "- id: kz-independence-20th-anniversary-2011"));
        issue.Fix.ShouldContain("set 'topic:' to an intent");
    }

    [Fact]
    public void A_quote_not_at_its_lines_is_reported_with_where_it_is()
    {
        using var copy = new DataCopy(Paths);
        copy.Edit("models/facts.yaml", t => ReplaceFirst(t, "    lines: \"3\"\n", "    lines: \"5\"\n"));
        var issue = Single(copy, "the quote is not in 000_d4e2d44c68f0d52c.txt:5");
        issue.File.ShouldBe("models/facts.yaml");
        issue.Line.ShouldBe(copy.LineOf("models/facts.yaml", "- id: kz-independence-20th-anniversary-2011"));
        issue.Message.ShouldContain("but is at lines 3");
        issue.Fix.ShouldContain("copy the quote verbatim");
    }

    [Fact]
    public void A_stale_model_is_reported_naming_chatbot_train_and_models_stay_as_they_were()
    {
        using var copy = new DataCopy(Paths);
        copy.Edit("dialogs/greeting.yaml", t => t.Replace("examples:\n", "examples:\n  - greetings from a changed file\n"));
        var before = copy.ModelsSnapshot();
        var issue = Single(copy, "The intent model");
        issue.File.ShouldBe("models/intent-classifier.sha256");
        issue.Line.ShouldBe(1);
        issue.Fix.ShouldContain("`chatbot train`");
        copy.ModelsSnapshot().ShouldBe(before);
    }

    [Fact]
    public void An_unreadable_vector_table_is_reported_with_how_to_rebuild_it()
    {
        using var copy = new DataCopy(Paths);
        File.WriteAllText(copy.Path("models/word-vectors.bin"), "not a table");
        var issue = Single(copy, "the word-vector table cannot be read");
        issue.File.ShouldBe("models/word-vectors.bin");
        issue.Fix.ShouldContain("src/ChatBot.Vectors");
    }

    [Fact]
    public void A_lexicon_word_listed_twice_is_reported_at_its_line()
    {
        using var copy = new DataCopy(Paths);
        copy.Edit("models/lexicon.yaml", t => t.Replace("  import: [buy,", "  import: [sold, buy,"));
        var issue = Single(copy, "'sold' is listed twice in synonyms");
        issue.File.ShouldBe("models/lexicon.yaml");
        issue.Line.ShouldBe(copy.LineOf("models/lexicon.yaml", "  import: [sold, buy,"));
        issue.Fix.ShouldContain("delete one");
    }

    [Fact]
    public void An_alias_of_two_entities_is_reported_at_the_second()
    {
        using var copy = new DataCopy(Paths);
        copy.Edit("models/entities.yaml", t => ReplaceFirst(t, "aliases: [RK, ", "aliases: [RK, South Korea, "));
        var issue = Single(copy, "'South Korea' names both");
        issue.File.ShouldBe("models/entities.yaml");
        issue.Line.ShouldBe(copy.LineOf("models/entities.yaml", "- name: ROK") + 2);
        issue.Fix.ShouldContain("keep the alias under the one entity");
    }

    [Fact]
    public void A_dev_question_expecting_an_unknown_fact_is_reported()
    {
        using var copy = new DataCopy(Paths);
        copy.Edit("tests/data/questions.yaml", t => ReplaceFirst(t, "  - diplomatic-ties-established-1992\n", "  - diplomatic-ties-established-1993\n"));
        var issue = Single(copy, "expects fact 'diplomatic-ties-established-1993'");
        issue.Line.ShouldBe(copy.LineOf("tests/data/questions.yaml", "diplomatic-ties-established-1993"));
    }

    [Fact]
    public void A_dialog_file_that_is_not_YAML_is_reported_at_the_broken_line()
    {
        using var copy = new DataCopy(Paths);
        copy.Edit("dialogs/help.yaml", t => t.Replace("examples:\n", "examples:\n  - [unclosed\n"));
        var issue = Single(copy, "not valid YAML");
        issue.File.ShouldBe("dialogs/help.yaml");
        issue.Line.ShouldBeInRange(copy.LineOf("dialogs/help.yaml", "[unclosed"), copy.LineOf("dialogs/help.yaml", "[unclosed") + 2);
    }

    private static DataIssue Single(DataCopy copy, string message)
    {
        var report = new DataValidator(copy.Paths).Validate();
        report.Passed.ShouldBeFalse();
        var matching = report.Errors.Where(i => i.Message.Contains(message, StringComparison.Ordinal)).ToList();
        matching.Count.ShouldBe(1, $"expected one error with \"{message}\"; got:\n{string.Join("\n", report.Issues)}");
        return matching[0];
    }

    private static string ReplaceFirst(string text, string old, string replacement)
    {
        var at = text.IndexOf(old, StringComparison.Ordinal);
        at.ShouldBeGreaterThanOrEqualTo(0, $"the test data no longer holds \"{old.Trim()}\"");
        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + old.Length));
    }
}
