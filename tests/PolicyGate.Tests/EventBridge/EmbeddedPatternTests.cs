using PolicyGate.Documents;
using PolicyGate.EventBridge;
using static PolicyGate.Tests.Documents.DocumentTestKit;

namespace PolicyGate.Tests.EventBridge;

/// <summary>Patterns given as JSON strings inside templates keep positions in the template.</summary>
public class EmbeddedPatternTests
{
    private static (PatternSource Source, PatternCompilation Compilation) Read(string path, string text, params object[] at)
    {
        var scalar = (ScalarNode)At(Root(path, text), at);
        var source = EmbeddedPattern.Parse(scalar);
        source.SyntaxError.ShouldBeNull();
        return (source, PatternCompiler.Compile(source.Root!));
    }

    [Fact]
    public void An_escaped_json_string_in_a_json_template_maps_into_the_template()
    {
        const string template = """
            {"Resources": {"R": {"Type": "AWS::Events::Rule", "Properties": {
              "EventPattern": "{\"source\": [\"aws.iam\"], \"detail-type\": \"AWS API Call via CloudTrail\"}"
            }}}}
            """;
        var (source, compilation) = Read("t.json", template, "Resources", "R", "Properties", "EventPattern");
        source.Root!.File.Path.ShouldBe("t.json");
        var error = compilation.FirstError!;
        error.Reason.ShouldBe("\"detail-type\" must be an object or an array");
        error.Location.Span.ShouldBe(Span(2, 65, 2, 96));
    }

    [Fact]
    public void A_literal_block_maps_line_by_line()
    {
        const string template = """
            Resources:
              R:
                Type: AWS::Events::Rule
                Properties:
                  EventPattern: |
                    {
                      "source": ["aws.iam"],
                      "detail": { "eventName": [ { "Prefix": "Put" } ] }
                    }
            """;
        var (_, compilation) = Read("t.yaml", template, "Resources", "R", "Properties", "EventPattern");
        var error = compilation.FirstError!;
        error.Reason.ShouldBe("Unrecognized match type Prefix");
        error.Location.Span.ShouldBe(Span(8, 40, 8, 48));
    }

    [Fact]
    public void A_single_quoted_yaml_string_maps_with_doubled_quotes()
    {
        const string template = """
            EventPattern: '{"source": ["it''s"], "account": [1]}'
            """;
        var (source, _) = Read("t.yaml", template, "EventPattern");
        var account = At(source.Root!, "account", 0);
        account.Span.ShouldBe(Span(1, 50, 1, 51));
    }

    [Fact]
    public void Syntax_errors_and_unmappable_strings_are_still_located()
    {
        var scalar = (ScalarNode)At(Root("t.yaml", "EventPattern: '{\"source\": [\"x\"'\n"), "EventPattern");
        var source = EmbeddedPattern.Parse(scalar);
        source.Root.ShouldBeNull();
        source.SyntaxError!.Location.Span.StartLine.ShouldBe(1);

        var folded = (ScalarNode)At(Root("t.yaml", "EventPattern: >\n  {\"source\":\n  [\"x\"]}\n"), "EventPattern");
        var mapped = EmbeddedPattern.Parse(folded);
        mapped.Root!.Span.ShouldBe(folded.Span);
    }
}
