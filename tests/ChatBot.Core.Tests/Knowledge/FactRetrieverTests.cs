using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Tests.Knowledge;

/// <summary>Retrieval over the real facts tolerates typos, case, punctuation and abbreviations.</summary>
public sealed class FactRetrieverTests(RealKnowledge real) : IClassFixture<RealKnowledge>
{
    private FactRetriever Retriever => real.Knowledge.Retriever;

    [Theory]
    [InlineData("wat was the tarde volume in 2019")]
    [InlineData("TRADE VOLUME 2019???")]
    [InlineData("how much did korea and kazakhstan trade in 2019")]
    public void Trade_in_2019_is_found_despite_typos_case_and_punctuation(string question)
    {
        var retrieval = Retriever.Retrieve(question);

        retrieval.Best!.Fact.Id.ShouldBe("trade-2019-record");
        retrieval.Confidence.ShouldBeGreaterThanOrEqualTo(Retriever.Options.AnswerThreshold);
    }

    [Theory]
    [InlineData("what was the trade volume in 2019", "trade", null)]
    [InlineData("who signed the joint declaration", "agreements", null)]
    [InlineData("and in 2011?", "trade", "what was the trade volume in 2019")]
    public void A_question_retrieved_again_with_a_prior_ranks_as_if_retrieved_afresh(string question, string prior, string? context)
    {
        // The turn's second retrieval of a question reuses the first one's scores; the result must not show it.
        var afresh = Retriever.Retrieve(question, prior, context: context);
        Retriever.Retrieve("a different question about uranium", context: null); // forget the memo
        Retriever.Retrieve(question, context: context);
        var reused = Retriever.Retrieve(question, prior, context: context);

        Describe(reused).ShouldBe(Describe(afresh));

        // Same words, other context: not the memo's question.
        Retriever.Retrieve("a different question about uranium");
        var withoutContext = Retriever.Retrieve(question, prior);
        Retriever.Retrieve(question, prior, context: context);
        Describe(Retriever.Retrieve(question, prior)).ShouldBe(Describe(withoutContext));

        static string Describe(FactRetrieval r) =>
            $"{r.Confidence:R} {r.OwnCoverage:R} " + string.Join(" | ", r.Facts.Select(f => $"{f.Fact.Id} {f.Score:R} {f.Coverage:R} {f.Bm25:R} {f.FormSimilarity:R}"));
    }

    [Theory]
    [InlineData("when did the ROK and RK establish diplomatic relations")]
    [InlineData("when did south korea and the republic of kazakhstan establish diplomatic relations")]
    [InlineData("when did koera and kazakstan establish diplomatic relations")]
    public void Abbreviations_aliases_and_misspelt_country_names_find_the_same_fact(string question)
    {
        Retriever.Rank(question)[0].Fact.Id.ShouldBe("diplomatic-ties-established-1992");
    }

    [Fact]
    public void An_organisation_abbreviation_finds_its_facts()
    {
        Retriever.Rank("is KHNP going to build kazakhstan's nuclear plant")[0].Fact.Topic.ShouldBe("nuclear_power");
    }

    [Fact]
    public void The_intent_prior_lifts_facts_of_that_topic()
    {
        var neutral = Retriever.Rank("korean production in kazakhstan", top: 10);
        var prior = Retriever.Rank("korean production in kazakhstan", intentPrior: "automotive_industry", top: 10);

        prior[0].Fact.Topic.ShouldBe("automotive_industry");
        neutral.Count(r => r.Fact.Topic == "automotive_industry").ShouldBeLessThanOrEqualTo(prior.Count(r => r.Fact.Topic == "automotive_industry"));
    }

    [Theory]
    [InlineData("korea kazakhstan trade volume", "trade-2022-jan-aug")]
    [InlineData("how many joint ventures are there", "joint-ventures-700-2014")]
    [InlineData("korea kazakhstan trade volume in 2019", "trade-2019-record")]
    [InlineData("how many joint ventures were there in 2008", "joint-ventures-2008")]
    public void A_figure_question_without_a_date_gets_the_latest_figure_and_one_with_a_date_gets_that_one(string question, string fact)
    {
        Retriever.Rank(question)[0].Fact.Id.ShouldBe(fact);
    }

    [Theory]
    [InlineData("when did seoul and astana establish diplomatic ties", "diplomatic-ties-established-1992")]
    [InlineData("how many firms with korean capital were there in 2008", "enterprises-300-2008")]
    [InlineData("how long did the 10th policy consultation take", "policy-consultation-10th-feb-2020")]
    [InlineData("who is kim gunn in the korean government", "kim-gunn-deputy-foreign-minister")]
    [InlineData("how many korean firms are there in kazakhstan", "enterprises-300-2008")]
    [InlineData("which fields do the bilateral agreements include", "bilateral-documents-areas")]
    [InlineData("which sectors did korean companies invest in", "investment-spheres-2008")]
    public void The_kind_of_answer_asked_for_and_capitals_standing_for_countries_find_the_fact(string question, string fact)
    {
        var retrieval = Retriever.Retrieve(question);

        retrieval.Best!.Fact.Id.ShouldBe(fact);
        retrieval.Confidence.ShouldBeGreaterThanOrEqualTo(Retriever.Options.AnswerThreshold);
    }

    [Theory]
    [InlineData("what's the weather in almaty tomorrow")]
    [InlineData("uzbekistan korea relations")]
    [InlineData("kimchi recipe")]
    [InlineData("what was trade between korea and kazakhstan in 2024")]
    public void Questions_the_documents_do_not_cover_score_below_the_threshold(string question)
    {
        Retriever.Retrieve(question).Confidence.ShouldBeLessThan(Retriever.Options.AnswerThreshold);
    }
}
