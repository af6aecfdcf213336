using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Tests.Knowledge;

/// <summary>Figures, ordinals and possessives written in different ways become the same tokens.</summary>
public sealed class TokenizerTests
{
    private static readonly Tokenizer Tokenizer = new(WordLists.Load(ChatBotPaths.Locate().Lexicon));

    [Theory]
    [InlineData("$4.2bn")]
    [InlineData("4.2 billion US dollars")]
    [InlineData("US$4.2 billion")]
    [InlineData("4.20 bn dollars")]
    public void Currency_forms_of_one_figure_give_the_same_tokens(string text)
    {
        Tokenizer.Tokenize(text).Order().ShouldBe(["4.2", "billion", "usd"]);
    }

    [Fact]
    public void Thousands_separators_ordinals_and_possessives_are_normalized()
    {
        Tokenizer.Tokenize("Korea's 10th consultation, 100,000 people, 73.6%")
            .ShouldBe(["korea", "10", "consultation", "100000", "people", "73.6", "percent"]);
    }

    [Theory]
    [InlineData("what does kazakhstan sell to korea", "what does kazakhstan export to korea")]
    [InlineData("when did they set up the embassy", "when did they establish the embassy")]
    [InlineData("where did they end up", "where did they settle")]
    [InlineData("73.6 per cent", "73.6 percent")]
    public void The_lexicon_s_synonyms_and_phrases_give_the_documents_word(string asked, string documents) =>
        Tokenizer.Tokenize(asked).ShouldBe(Tokenizer.Tokenize(documents));

    [Theory]
    [InlineData("capital")]
    [InlineData("loving")]
    [InlineData("young")]
    [InlineData("came")]
    public void Words_that_only_fitted_one_test_question_are_no_synonyms(string word) =>
        Tokenizer.Tokenize(word).ShouldBe([word]);

    [Fact]
    public void Light_stemming_joins_inflected_forms()
    {
        Stemmer.Stem("investments").ShouldBe(Stemmer.Stem("invested"));
        Stemmer.Stem("traded").ShouldBe(Stemmer.Stem("trade"));
        Stemmer.Stem("deportation").ShouldBe(Stemmer.Stem("deported"));
    }

    [Theory]
    [InlineData("koera", "korea", 1)]
    [InlineData("tarde", "trade", 1)]
    [InlineData("investmnet", "investment", 1)]
    [InlineData("kazakstan", "kazakhstan", 1)]
    public void Edit_distance_counts_an_adjacent_swap_as_one(string a, string b, int expected)
    {
        EditDistance.Bounded(a, b, 2).ShouldBe(expected);
    }
}
