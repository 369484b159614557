using PolicyGate.Checks;
using PolicyGate.Config;

namespace PolicyGate.Tests.Config;

public class ConfigLoaderTests
{
    private static ConfigLoadResult Load(string yaml)
    {
        using var dir = new TestDirectory();
        var path = dir.Write("policygate.yaml", yaml);
        return ConfigLoader.Load(path, "policygate.yaml");
    }

    [Fact]
    public void A_complete_configuration_binds()
    {
        var result = Load("include: [\"infra/**\"]\nexclude: [\"**/fixtures/**\"]\ngitignore: false\nmax-file-size: 2MB\nfail-on: warning\nrules:\n  PG1002: warning\n  PG2004: off\n  PASS_ROLE_WITH_STAR_IN_RESOURCE: note\n");
        result.Errors.ShouldBeEmpty();
        var config = result.Config!;
        config.Include.ShouldBe(["infra/**"]);
        config.Exclude.ShouldBe(["**/fixtures/**"]);
        config.UseGitIgnore.ShouldBeFalse();
        config.MaxFileBytes.ShouldBe(2 * 1024 * 1024);
        config.FailOn.ShouldBe("warning");
        config.Rules.TryGetOverride("PG1002", out var level).ShouldBeTrue();
        level.ShouldBe(FindingLevel.Warning);
        config.Rules.TryGetOverride("PG2004", out level).ShouldBeTrue();
        level.ShouldBeNull();
        config.Rules.TryGetOverride("pass_role_with_star_in_resource", out level).ShouldBeTrue();
        level.ShouldBe(FindingLevel.Note);
        config.Rules.TryGetOverride("PG9999", out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("~\n")]
    public void An_empty_configuration_means_the_defaults(string yaml)
    {
        var result = Load(yaml);
        result.Succeeded.ShouldBeTrue();
        result.Config!.MaxFileBytes.ShouldBe(16L * 1024 * 1024);
    }

    [Theory]
    [InlineData("include: infra/**\n", 1, 10, "\"include\" must be a list")]
    [InlineData("gitignore: maybe\n", 1, 12, "\"gitignore\" must be true or false")]
    [InlineData("rules:\n  PG1002: loud\n", 2, 11, "must be one of: error, warning, note, off")]
    [InlineData("rules:\n  pg1002: off\n", 2, 3, "unknown key \"pg1002\"")]
    [InlineData("max-file-size: lots\n", 1, 16, "\"max-file-size\" has neither of the accepted forms")]
    [InlineData("exclude:\n  - ok\n  - 5\n", 3, 5, "must be a string")]
    [InlineData("- just\n- a list\n", 1, 1, "must be a mapping")]
    public void Mistakes_are_located(string yaml, int line, int column, string fragment)
    {
        var result = Load(yaml);
        result.Config.ShouldBeNull();
        var error = result.Errors.ShouldHaveSingleItem();
        error.Message.ShouldContain(fragment);
        (error.Location.Span.StartLine, error.Location.Span.StartColumn).ShouldBe((line, column), error.Message);
    }

    [Fact]
    public void Several_mistakes_are_all_reported_in_order()
    {
        var result = Load("fail-on: sometimes\ninclude: 3\nbogus: true\n");
        result.Errors.Select(e => e.Location.Span.StartLine).ShouldBe([1, 2, 3]);
    }

    [Fact]
    public void Yaml_syntax_errors_in_the_configuration_are_located()
    {
        var result = Load("include: [a\n");
        result.Config.ShouldBeNull();
        result.Errors.ShouldHaveSingleItem().Location.Span.StartLine.ShouldBe(2, "the end of the file, where the unclosed list is noticed");
    }

    [Theory]
    [InlineData("1048576", 1048576)]
    [InlineData("512KB", 512 * 1024)]
    [InlineData("16MB", 16 * 1024 * 1024)]
    [InlineData("1.5GiB", 1610612736)]
    [InlineData("10 b", 10)]
    public void Sizes_parse(string text, long bytes)
    {
        ConfigLoader.TryParseSize(text, out var parsed).ShouldBeTrue();
        parsed.ShouldBe(bytes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("MB")]
    [InlineData("-1MB")]
    [InlineData("5 parsecs")]
    public void Bad_sizes_do_not_parse(string text)
    {
        ConfigLoader.TryParseSize(text, out _).ShouldBeFalse();
    }
}
