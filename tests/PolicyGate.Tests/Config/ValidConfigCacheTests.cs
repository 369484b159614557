using PolicyGate.Config;
using PolicyGate.Documents;

namespace PolicyGate.Tests.Config;

public class ValidConfigCacheTests
{
    private static readonly SourceSpan Whole = new(1, 1, 3, 1);

    [Fact]
    public void Remembers_a_valid_text_for_its_document_span_only()
    {
        using var dir = new TestDirectory();
        var cache = new ValidConfigCache(Path.Combine(dir.Root, "cache"));
        cache.IsKnownValid("fail-on: error\n", Whole).ShouldBeFalse();
        cache.RememberValid("fail-on: error\n", Whole);
        cache.IsKnownValid("fail-on: error\n", Whole).ShouldBeTrue();
        cache.IsKnownValid("fail-on: error\n", new SourceSpan(4, 1, 6, 1)).ShouldBeFalse("another document of the same file");
        cache.IsKnownValid("fail-on: warning\n", Whole).ShouldBeFalse();
    }

    [Fact]
    public void Off_or_unusable_it_knows_nothing_and_never_throws()
    {
        var off = new ValidConfigCache(null);
        off.RememberValid("x: 1\n", Whole);
        off.IsKnownValid("x: 1\n", Whole).ShouldBeFalse();

        using var dir = new TestDirectory();
        var file = dir.Write("not-a-directory", "x");
        var broken = new ValidConfigCache(Path.Combine(file, "cache"));
        Should.NotThrow(() => broken.RememberValid("x: 1\n", Whole));
        broken.IsKnownValid("x: 1\n", Whole).ShouldBeFalse();
    }

    [Fact]
    public void A_configuration_with_mistakes_is_reported_every_time()
    {
        using var dir = new TestDirectory();
        var path = dir.Write("policygate.yaml", $"# {Guid.NewGuid()}\nfail-on: errors\n");
        for (var i = 0; i < 2; i++)
        {
            var result = ConfigLoader.Load(path, "policygate.yaml");
            result.Succeeded.ShouldBeFalse();
            result.Errors.ShouldHaveSingleItem().Location.Span.StartLine.ShouldBe(2);
        }
    }

    [Fact]
    public void A_valid_configuration_binds_the_same_the_second_time()
    {
        using var dir = new TestDirectory();
        var path = dir.Write("policygate.yaml", $"# {Guid.NewGuid()}\nfail-on: warning\nsuppressions:\n  - rule: PG2002\n    reason: known\n");
        var first = ConfigLoader.Load(path, "policygate.yaml");
        var second = ConfigLoader.Load(path, "policygate.yaml");
        first.Succeeded.ShouldBeTrue();
        second.Succeeded.ShouldBeTrue();
        second.Config!.FailOn.ShouldBe("warning");
        second.Config.Adoption.Suppressions.ShouldHaveSingleItem().Reason.ShouldBe("known");
    }
}
