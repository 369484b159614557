using PolicyGate.Discovery;

namespace PolicyGate.Tests.Discovery;

public class GlobPatternTests
{
    [Theory]
    [InlineData("*.json", "a.json", true)]
    [InlineData("*.json", "deep/dir/a.json", true)]
    [InlineData("*.json", "a.yaml", false)]
    [InlineData("infra/*.yaml", "infra/a.yaml", true)]
    [InlineData("infra/*.yaml", "infra/x/a.yaml", false)]
    [InlineData("infra/**/*.yaml", "infra/a.yaml", true)]
    [InlineData("infra/**/*.yaml", "infra/x/y/a.yaml", true)]
    [InlineData("**/fixtures/**", "tests/fixtures/a/b.json", true)]
    [InlineData("/top.json", "top.json", true)]
    [InlineData("/top.json", "sub/top.json", false)]
    [InlineData("policy-?.json", "policy-1.json", true)]
    [InlineData("policy-?.json", "policy-10.json", false)]
    [InlineData("policy-[0-9].json", "policy-7.json", true)]
    [InlineData("policy-[!0-9].json", "policy-7.json", false)]
    [InlineData("./examples/**", "examples/a/b.json", true)]
    [InlineData("a.b.json", "axb.json", false)]
    public void Matches_gitignore_style_globs(string pattern, string path, bool expected)
    {
        GlobPattern.Parse(pattern).MatchesFileOrAncestor(path).ShouldBe(expected);
    }

    [Fact]
    public void Directory_patterns_match_files_beneath_but_not_files_of_that_name()
    {
        var pattern = GlobPattern.Parse("build/");
        pattern.MatchesFileOrAncestor("build/out.json").ShouldBeTrue();
        pattern.MatchesFileOrAncestor("x/build/out.json").ShouldBeTrue();
        pattern.MatchesFileOrAncestor("build").ShouldBeFalse();
    }

    [Fact]
    public void Path_filter_applies_include_then_exclude()
    {
        var filter = new PathFilter(["infra/**"], ["**/test/**"]);
        filter.Accepts("infra/a.json").ShouldBeTrue();
        filter.Accepts("infra/test/a.json").ShouldBeFalse();
        filter.Accepts("other/a.json").ShouldBeFalse();
        PathFilter.None.Accepts("anything/at/all.json").ShouldBeTrue();
    }

    [Fact]
    public void Gitignore_rules_let_the_last_match_win_and_negations_re_include()
    {
        var rules = GitIgnoreRules.Parse("", ["# comment", "*.json", "!keep.json", "", "logs/"]);
        rules.IsIgnored("a.json", false).ShouldBe(true);
        rules.IsIgnored("keep.json", false).ShouldBe(false);
        rules.IsIgnored("logs", true).ShouldBe(true);
        rules.IsIgnored("logs", false).ShouldBeNull();
        rules.IsIgnored("a.yaml", false).ShouldBeNull();
    }

    [Fact]
    public void Nested_gitignore_rules_only_speak_for_their_directory()
    {
        var rules = GitIgnoreRules.Parse("sub", ["*.yaml"]);
        rules.IsIgnored("sub/a.yaml", false).ShouldBe(true);
        rules.IsIgnored("other/a.yaml", false).ShouldBeNull();
    }
}
