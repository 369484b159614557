using PolicyGate.Iam.Text;

namespace PolicyGate.Tests.Iam;

public class GlobTests
{
    [Theory]
    [InlineData("s3:Get*", "s3:GetObject", true, true)]
    [InlineData("s3:Get*", "S3:GETOBJECT", true, true)]
    [InlineData("s3:Get*", "S3:GETOBJECT", false, false)]
    [InlineData("s3:Get?bject", "s3:GetObject", false, true)]
    [InlineData("s3:Get?bject", "s3:Getbject", false, false)]
    [InlineData("arn:aws:s3:::b/*", "arn:aws:s3:::b/x/y:z", false, true)]
    [InlineData("*", "", false, true)]
    [InlineData("a*b*c", "aXXbYYc", false, true)]
    [InlineData("a*b*c", "aXXcYYb", false, false)]
    [InlineData("", "", false, true)]
    [InlineData("", "x", false, false)]
    public void Matches_with_wildcards_and_case_rules(string pattern, string text, bool ignoreCase, bool expected) =>
        Glob.Parse(pattern, ignoreCase).Matches(text).ShouldBe(expected);

    [Theory]
    [InlineData("s3:*", "s3:Get*", true)]
    [InlineData("s3:Get*", "s3:*", false)]
    [InlineData("s3:Get*", "s3:GetObject", true)]
    [InlineData("s3:GetObject", "s3:Get*", false)]
    [InlineData("*", "anything*", true)]
    [InlineData("a*c", "ab*bc", true)]
    [InlineData("a*c", "ab*b", false)]
    [InlineData("a?c", "abc", true)]
    [InlineData("a?c", "a*c", false)]
    [InlineData("a*", "a?", true)]
    [InlineData("*b*", "a*b*c", true)]
    [InlineData("*b*", "a*c", false)]
    [InlineData("??*", "?*?", true)]
    [InlineData("?*?", "??", true)]
    [InlineData("?*?", "?", false)]
    [InlineData("arn:aws:s3:::b/*", "arn:aws:s3:::b/reports/*", true)]
    [InlineData("arn:aws:s3:::b/*", "arn:aws:s3:::b", false)]
    public void Covers_is_language_inclusion(string a, string b, bool expected) =>
        Glob.Parse(a, false).Covers(Glob.Parse(b, false)).ShouldBe(expected);

    [Theory]
    [InlineData("a*", "*b", true)]
    [InlineData("a*", "b*", false)]
    [InlineData("a?c", "*bc", true)]
    [InlineData("abc", "a?c", true)]
    [InlineData("abc", "abd", false)]
    [InlineData("*x*", "y*", true)]
    public void Intersects_finds_a_shared_string(string a, string b, bool expected)
    {
        Glob.Parse(a, false).Intersects(Glob.Parse(b, false)).ShouldBe(expected);
        Glob.Parse(b, false).Intersects(Glob.Parse(a, false)).ShouldBe(expected);
    }

    [Fact]
    public void Variables_and_unknown_parts_follow_the_reading()
    {
        var pattern = PolicyPattern.Parse("arn:aws:s3:::home/${aws:username}/*", wildcards: true);
        var permissive = Glob.From(pattern, ignoreCase: false, PatternReading.Permissive);
        var strict = Glob.From(pattern, ignoreCase: false, PatternReading.Strict);
        permissive.Matches("arn:aws:s3:::home/alice/notes.txt").ShouldBeTrue();
        strict.Matches("arn:aws:s3:::home/alice/notes.txt").ShouldBeFalse();
        strict.IsEmpty.ShouldBeTrue();
        permissive.Covers(strict).ShouldBeTrue("an empty language is covered by anything");
        strict.Covers(permissive).ShouldBeFalse();
    }

    [Fact]
    public void Covers_agrees_with_brute_force_on_small_globs()
    {
        // Every glob over {a, b, *, ?} up to length 3 against every other, checked on all strings over {a, b, c} up to length 6
        // (c stands for every character the globs do not name).
        var symbols = new[] { "a", "b", "*", "?" };
        var globs = new List<string> { string.Empty };
        for (var length = 1; length <= 3; length++)
        {
            globs.AddRange(globs.Where(g => g.Length == length - 1).SelectMany(g => symbols.Select(s => g + s)).ToList());
        }

        var words = new List<string> { string.Empty };
        for (var length = 1; length <= 6; length++)
        {
            words.AddRange(words.Where(w => w.Length == length - 1).SelectMany(w => new[] { w + "a", w + "b", w + "c" }).ToList());
        }

        foreach (var a in globs)
        {
            var ga = Glob.Parse(a, false);
            foreach (var b in globs)
            {
                var gb = Glob.Parse(b, false);
                var bruteForce = words.Where(gb.Matches).All(ga.Matches);
                ga.Covers(gb).ShouldBe(bruteForce, $"\"{a}\" covers \"{b}\"");
                ga.Intersects(gb).ShouldBe(words.Any(w => ga.Matches(w) && gb.Matches(w)), $"\"{a}\" meets \"{b}\"");
            }
        }
    }

    [Fact]
    public void Hostile_patterns_stay_bounded()
    {
        var many = string.Concat(Enumerable.Repeat("a*", 2000));
        var glob = Glob.Parse(many, false);
        glob.Matches(new string('a', 1999) + "b").ShouldBeFalse("each a* needs its own a");
        glob.Matches(new string('a', 2000) + "b").ShouldBeTrue();
        glob.Covers(Glob.Parse(many, false)).ShouldBeTrue();
        Glob.Parse("?*" + many, false).Covers(Glob.Parse(many, false), stateBudget: 1000).ShouldBeFalse("the budget answers 'not proven'");
    }
}
