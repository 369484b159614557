using PolicyGate.Spelling;

namespace PolicyGate.Tests.Spelling;

public class SpellingSuggestionsTests
{
    [Theory]
    [InlineData("kitten", "sitting", false, 3)]
    [InlineData("GetObject", "getobject", true, 0)]
    [InlineData("GetObject", "getobject", false, 2)]
    [InlineData("", "abc", false, 3)]
    [InlineData("exlude", "exclude", false, 1)]
    public void Distance_is_levenshtein(string a, string b, bool ignoreCase, int expected)
    {
        SpellingSuggestions.Distance(a, b, ignoreCase: ignoreCase).ShouldBe(expected);
        SpellingSuggestions.Distance(b, a, ignoreCase: ignoreCase).ShouldBe(expected);
    }

    [Fact]
    public void Distance_stops_early_past_the_limit_and_refuses_huge_texts()
    {
        SpellingSuggestions.Distance("abcdef", "uvwxyz", limit: 2).ShouldBe(3);
        SpellingSuggestions.Distance("a", "abcdefgh", limit: 3).ShouldBe(4);
        SpellingSuggestions.Distance(new string('a', 100_000), new string('a', 100_000), limit: 3).ShouldBe(4);
    }

    [Fact]
    public void Nearest_picks_the_closest_within_reach_and_the_first_on_ties()
    {
        SpellingSuggestions.Nearest("detial", ["source", "detail", "detail-type"], 2).ShouldBe("detail");
        SpellingSuggestions.Nearest("abc", ["abd", "abe"], 1).ShouldBe("abd");
        SpellingSuggestions.Nearest("zzzz", ["source", "detail"], 2).ShouldBeNull();
        SpellingSuggestions.Nearest("ACTIVE", ["active"], 0, ignoreCase: true).ShouldBe("active");
    }

    [Fact]
    public void Case_variant_ignores_exact_matches()
    {
        SpellingSuggestions.CaseVariant("Active", ["ACTIVE", "ARCHIVED"]).ShouldBe("ACTIVE");
        SpellingSuggestions.CaseVariant("ACTIVE", ["ACTIVE"]).ShouldBeNull();
    }
}
