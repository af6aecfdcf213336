using ChatBot.Core.Intents;
using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Tests.Intents;

public sealed class IntentTextNormalizerTests
{
    private static readonly IntentTextNormalizer Normalizer = new(
    [
        new IntentEntity("Kim Gunn", "person", ["Kim Gun", "Deputy Minister Kim"]),
        new IntentEntity("Korea Hydro & Nuclear Power", "organisation", ["KHNP"]),
        new IntentEntity("ROK", "place", ["South Korea", "Korea", "Korean"]),
    ], WordLists.Load(ChatBotPaths.Locate().Lexicon).Contractions);

    [Fact]
    public void An_alias_becomes_its_canonical_name_and_kind()
    {
        Normalizer.Normalize("Who is Kim Gun?").ShouldBe("who is kim gunn entperson qmark");
        Normalizer.Normalize("who is deputy minister kim").ShouldBe("who is kim gunn entperson");
        Normalizer.Normalize("KHNP bid").ShouldBe("korea hydro nuclear power entorganisation bid");
    }

    [Fact]
    public void The_longest_alias_wins_and_places_get_no_kind_token()
    {
        Normalizer.Normalize("South Korea's exports").ShouldBe("rok exports");
        Normalizer.Normalize("korea hydro & nuclear power").ShouldBe("korea hydro nuclear power entorganisation");
    }

    [Fact]
    public void Contractions_numbers_and_punctuation_are_spelled_one_way()
    {
        Normalizer.Normalize("What’s the trade in 2019, in $ bn?!").ShouldBe("what is the trade in 2019 numyear in $ bn qmark");
        Normalizer.Normalize("over 60 documents").ShouldBe("over 60 numnum documents");
        Normalizer.Normalize("I'm done, thanks!!").ShouldBe("i am done thanks");
    }

    [Fact]
    public void Emoji_stay_words_and_cyrillic_and_hangul_are_spelled_in_latin_letters()
    {
        Normalizer.Normalize("👋 Привет").ShouldBe("👋 privet");
        Normalizer.Normalize("Сәлеметсіз бе").ShouldBe("salemetsiz be");
        Normalizer.Normalize("안녕하세요").ShouldBe("annyeonghaseyo");
        Normalizer.Normalize("감사합니다!").ShouldBe("gamsahapnida");
        Normalizer.Normalize("东京").ShouldBe("东京");
    }

    [Fact]
    public void Empty_or_missing_text_gives_an_empty_string()
    {
        Normalizer.Normalize(null).ShouldBe(string.Empty);
        Normalizer.Normalize("  ...  ").ShouldBe(string.Empty);
    }

    [Fact]
    public void An_edited_alias_changes_the_fingerprint()
    {
        var edited = new IntentTextNormalizer([new IntentEntity("Kim Gunn", "person", ["Kim Geon"])]);
        var original = new IntentTextNormalizer([new IntentEntity("Kim Gunn", "person", ["Kim Gun"])]);
        edited.Fingerprint.ShouldNotBe(original.Fingerprint);
    }
}
