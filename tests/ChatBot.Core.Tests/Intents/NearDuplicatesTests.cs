using ChatBot.Core.Intents;

namespace ChatBot.Core.Tests.Intents;

/// <summary>Near-duplicates as training sees them: the stop words and contractions of the committed models/lexicon.yaml.</summary>
public sealed class NearDuplicatesTests
{
    private static readonly NearDuplicates NearDuplicates = IntentTrainingSource.Load(ChatBotPaths.Locate()).NearDuplicates;

    [Theory]
    [InlineData("what's your name", "what is your name")]
    [InlineData("hi", "hi there")]
    [InlineData("bitcoin price", "bitcoin price today")]
    [InlineData("30th anniversary of diplomatic ties", "30th anniversary of diplomatic relations")]
    [InlineData("tell me about the ambassadors", "tell me about the ambassador")]
    public void Utterances_one_word_apart_are_near_duplicates(string first, string second) =>
        NearDuplicates.AreNear(first, second).ShouldBeTrue();

    [Theory]
    [InlineData("are you a robot", "are you a human")]
    [InlineData("hi", "hello")]
    [InlineData("korean nuclear delegation", "korean nuclear technology")]
    [InlineData("who is koo", "who was the korean ambassador in 2022")]
    public void Different_questions_are_not(string first, string second) =>
        NearDuplicates.AreNear(first, second).ShouldBeFalse();

    [Fact]
    public void Cross_validation_keeps_each_group_of_near_duplicates_in_one_fold()
    {
        IntentExample Row(string text, string label) => new() { Text = text, Label = label };
        var rows = new List<IntentExample>
        {
            Row("hi", "greeting"), Row("hi there", "greeting"), Row("hi bot", "greeting"), Row("hello", "greeting"),
            Row("good morning", "greeting"), Row("good evening", "greeting"), Row("hey", "greeting"), Row("howdy", "greeting"),
            Row("thanks", "thanks_goodbye"), Row("thanks a lot", "thanks_goodbye"), Row("bye", "thanks_goodbye"),
            Row("see you", "thanks_goodbye"), Row("cheers", "thanks_goodbye"), Row("ciao", "thanks_goodbye"),
        };
        var folds = IntentCrossValidation.AssignFolds(rows, NearDuplicates, folds: 3, seed: 1);
        folds[1].ShouldBe(folds[0]);
        folds[2].ShouldBe(folds[0]);
        folds[9].ShouldBe(folds[8]);
        // Still stratified: each fold holds examples of both intents.
        foreach (var k in Enumerable.Range(0, 3))
        {
            rows.Where((_, i) => folds[i] == k).Select(r => r.Label).Distinct().Count().ShouldBe(2);
        }
    }

    [Fact]
    public void The_same_words_under_two_intents_are_not_grouped()
    {
        var groups = NearDuplicates.Groups([new() { Text = "what do you do", Label = "help" }, new() { Text = "what do you do here", Label = "chitchat" }]);
        groups[0].ShouldNotBe(groups[1]);
    }
}
