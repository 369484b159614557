using PolicyGate.Documents;
using PolicyGate.EventBridge;
using PolicyGate.EventBridge.Matching;
using static PolicyGate.Tests.EventBridge.PatternKit;

namespace PolicyGate.Tests.EventBridge;

/// <summary>Invalid patterns are rejected with EventBridge's reason, at the offending node.</summary>
public class ValidationTests
{
    [Theory]
    [InlineData("""{"source":"aws.ec2"}""", "\"source\" must be an object or an array")]
    [InlineData("""{}""", "Empty objects are not allowed")]
    [InlineData("""{"a":{}}""", "Empty objects are not allowed")]
    [InlineData("""{"a":[]}""", "Empty arrays are not allowed")]
    [InlineData("""{"a":[["x"]]}""", "Match value must be String, number, true, false, or null")]
    [InlineData("""{"a":[{}]}""", "Match expression name not found")]
    [InlineData("""{"a":[{"prefix":"x","suffix":"y"}]}""", "Only one key allowed in match expression")]
    [InlineData("""{"a":[{"contains":"x"}]}""", "Unrecognized match type contains")]
    [InlineData("""{"a":[{"Prefix":"x"}]}""", "Unrecognized match type Prefix")]
    [InlineData("""{"a":[{"prefix":["x"]}]}""", "prefix match pattern must be a string")]
    [InlineData("""{"a":[{"suffix":[".json"]}]}""", "suffix match pattern must be a string")]
    [InlineData("""{"a":[{"prefix":{"x":"y"}}]}""", "Unsupported prefix pattern: x")]
    [InlineData("""{"a":[{"equals-ignore-case":["x"]}]}""", "equals-ignore-case match pattern must be a string")]
    [InlineData("""{"a":[{"wildcard":"a**b"}]}""", "Consecutive wildcard characters at pos 2")]
    [InlineData("""{"a":[{"wildcard":"a\\b"}]}""", "Invalid escape character at pos 2")]
    [InlineData("""{"a":[{"wildcard":"ab\\"}]}""", "Invalid escape character at pos 3")]
    [InlineData("""{"a":[{"anything-but":null}]}""", "Value of anything-but must be an array or single string/number value.")]
    [InlineData("""{"a":[{"anything-but":true}]}""", "Value of anything-but must be an array or single string/number value.")]
    [InlineData("""{"a":[{"anything-but":["x",1]}]}""", "Inside anything but list, either all values are number or string, mixed type is not supported")]
    [InlineData("""{"a":[{"anything-but":[]}]}""", "Inside anything but list, either all values are number or string, mixed type is not supported")]
    [InlineData("""{"a":[{"anything-but":["x",null]}]}""", "Inside anything but list, start|null|boolean is not supported.")]
    [InlineData("""{"a":[{"anything-but":{"numeric":[">",1]}}]}""", "Unsupported anything-but pattern: numeric")]
    [InlineData("""{"a":[{"anything-but":{"prefix":""}}]}""", "Null prefix/suffix not allowed")]
    [InlineData("""{"a":[{"anything-but":{"prefix":{"equals-ignore-case":"x"}}}]}""", "Value of anything-but must be an array or single string/number value.")]
    [InlineData("""{"a":[{"anything-but":[{"wildcard":"x*"}]}]}""", "Inside anything but list, start|null|boolean is not supported.")]
    [InlineData("""{"a":[{"anything-but":{"equals-ignore-case":[1]}}]}""", "Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.")]
    [InlineData("""{"a":[{"numeric":5}]}""", "Value of numeric must be an array.")]
    [InlineData("""{"a":[{"numeric":[]}]}""", "Invalid member in numeric match: ]")]
    [InlineData("""{"a":[{"numeric":[5]}]}""", "Invalid member in numeric match: 5")]
    [InlineData("""{"a":[{"numeric":["!=",5]}]}""", "Unrecognized numeric range operator: !=")]
    [InlineData("""{"a":[{"numeric":[">","5"]}]}""", "Value of > must be numeric")]
    [InlineData("""{"a":[{"numeric":["=",1,2]}]}""", "Too many elements in numeric expression")]
    [InlineData("""{"a":[{"numeric":[">",0,">",5]}]}""", "Bad numeric range operator: >")]
    [InlineData("""{"a":[{"numeric":[">",0,"<",5,6]}]}""", "Too many terms in numeric range expression")]
    [InlineData("""{"a":[{"numeric":[">",5,"<",5]}]}""", "Bottom must be less than top")]
    [InlineData("""{"a":[{"numeric":[">",1e400]}]}""", "Cannot compare number : 1e400")]
    [InlineData("""{"a":[{"numeric":["=",0.1000000000000000055511151231257827]}]}""", "Cannot compare number : 0.1000000000000000055511151231257827")]
    [InlineData("""{"a":[{"exists":"true"}]}""", "exists match pattern must be either true or false.")]
    [InlineData("""{"a":[{"cidr":"10.0.0.0"}]}""", "Malformed CIDR, one '/' required")]
    [InlineData("""{"a":[{"cidr":"10.0.0.0/x"}]}""", "Malformed CIDR, mask bits must be an integer")]
    [InlineData("""{"a":[{"cidr":"xx.11.xx/24"}]}""", "Nonstandard IP address: xx.11.xx")]
    [InlineData("""{"a":[{"cidr":"10.0.0.1/32"}]}""", "IPv4 mask bits must be < 32")]
    [InlineData("""{"a":[{"cidr":"::1/128"}]}""", "IPv6 mask bits must be < 128")]
    [InlineData("""{"a":[{"cidr":5}]}""", "prefix match pattern must be a string")]
    [InlineData("""{"$or":{"a":["x"]}}""", "It must be an Array followed with $or.")]
    [InlineData("""{"$or":[{"a":["x"]}]}""", "There must have at least 2 Objects in $or relationship.")]
    [InlineData("""{"$or":[{"a":["x"]},["b"]]}""", "Only JSON object is allowed in array of $or relationship.")]
    [InlineData("""{"$or":[{"prefix":["x"]},{"b":["y"]}]}""", "prefix is Ruler reserved fieldName which cannot be used inside $or.")]
    public void Invalid_forms_give_the_service_reason(string pattern, string reason)
    {
        var error = Invalid(pattern);
        error.Reason.ShouldBe(reason);
        error.ServiceMessage.ShouldBe("Event pattern is not valid. Reason: " + reason);
    }

    [Theory]
    [InlineData("""{"a":["x",5,true,null,{"prefix":"y"}]}""")]
    [InlineData("""{"a":[{"prefix":""}],"b":[{"wildcard":""}],"c":[{"equals-ignore-case":""}]}""")]
    [InlineData("""{"a":[12345678901234567890]}""")]
    [InlineData("""{"a":[{"exists":true},"x"]}""")]
    [InlineData("""{"unknown-top-level":["x"]}""")]
    [InlineData("""{"a":[{"anything-but":{"wildcard":""}}]}""")]
    [InlineData("""{"a":[{"numeric":["=",1E-320]}]}""")]
    [InlineData("""{"a":[{"cidr":"10.0.0.0/24/"}]}""")]
    public void Forms_users_may_doubt_are_valid(string pattern) => Compile(pattern).IsValid.ShouldBeTrue();

    [Fact]
    public void Errors_point_at_the_offending_value_in_yaml()
    {
        var root = Yaml("""
            source:
              - aws.access-analyzer
            detail:
              status: ACTIVE
              findingType:
                - prefix: [Unused]
            """);
        var compilation = PatternCompiler.Compile(root);
        compilation.Errors.Select(e => (e.Reason, e.Location.Span.StartLine, e.Location.Span.StartColumn)).ShouldBe(
        [
            ("\"status\" must be an object or an array", 4, 11),
            ("prefix match pattern must be a string", 6, 15),
        ]);
    }

    [Fact]
    public void Unknown_template_values_are_opaque_strings()
    {
        var file = new SourceFile("t.yaml", "/t.yaml");
        var span = SourceSpan.At(1, 1);
        var unknown = new ScalarNode(file, span, ScalarKind.Unknown, "${AWS::AccountId}", ScalarStyle.Synthesized);
        var root = new ObjectNode(file, span, [new PropertyNode("account", span, new ArrayNode(file, span, [unknown]))]);
        PatternCompiler.Compile(root).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Text_after_the_pattern_is_ignored_as_the_service_does_but_remembered()
    {
        var source = PatternText.Parse("""{"a":["b"]} trailing garbage""", "p.json");
        source.SyntaxError.ShouldBeNull();
        source.TrailingText.ShouldNotBeNull().StartColumn.ShouldBe(13);
        PatternCompiler.Compile(source.Root!).IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("[1,2]")]
    [InlineData("\"x\"")]
    public void Text_that_is_not_an_object_is_not_a_filter(string text)
    {
        var source = PatternText.Parse(text, "p.json");
        var reason = source.SyntaxError?.Reason ?? PatternCompiler.Compile(source.Root!).FirstError!.Reason;
        reason.ShouldBe("Filter is not an object");
    }

    [Fact]
    public void Malformed_json_is_reported_at_its_position()
    {
        var source = PatternText.Parse("{\"a\": [1, 2 3]}", "p.json");
        source.Root.ShouldBeNull();
        source.SyntaxError!.Location.Span.StartColumn.ShouldBe(13);
    }

    [Theory]
    [InlineData("*:*:*:*:*:event-bus/*", 11)]
    [InlineData("/Users/*/dir/dir/dir/dir/dir/doc.txt", 7)]
    [InlineData("arn:aws:events:us-east-1:*:event-bus/*", 3)]
    [InlineData("*/bin/*.jar", 4)]
    [InlineData("*a*b*c*d*", 6)]
    [InlineData("*aa*aa*aa*", 10)]
    public void Wildcard_complexity_reproduces_the_observed_scores(string wildcard, int score) =>
        WildcardComplexity.Score([WildcardText.Parse(wildcard, out _)!]).ShouldBe(score);

    [Fact]
    public void Too_complex_wildcards_are_rejected_with_the_service_message()
    {
        Invalid("""{"resources":[{"wildcard":"*:*:*:*:*:event-bus/*"}]}""").Reason
            .ShouldBe("Rule is too complex - try using fewer wildcard characters or fewer repeating character sequences after a wildcard character");
        Compile("""{"resources":[{"wildcard":"/Users/*/dir/dir/dir/dir/dir/doc.txt"}]}""").IsValid.ShouldBeTrue();
    }

    [Fact]
    public void More_than_1000_or_combinations_are_rejected()
    {
        var branches = string.Join(",", Enumerable.Range(0, 11).Select(i => $$"""{"f{{i}}":["x"]}"""));
        var three = "{\"a\":{\"$or\":[" + branches + "]},\"b\":{\"$or\":[" + branches + "]},\"c\":{\"$or\":[" + branches + "]}}";
        var compilation = Compile(three);
        compilation.Measures.Combinations.ShouldBe(1331);
        compilation.FirstError!.Reason.ShouldContain("1331 combinations");
        Compile("{\"a\":{\"$or\":[" + branches + "]},\"b\":{\"$or\":[" + branches + "]}}").IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Nested_or_counts_fewer_combinations_than_the_documented_product()
    {
        var compilation = Compile("""{"$or":[{"a":["1"]},{"b":["2"],"$or":[{"c":["3"]},{"d":["4"]}]}]}""");
        compilation.Measures.Combinations.ShouldBe(3);
        compilation.Measures.DocumentedCombinations.ShouldBe(4);
        compilation.Pattern!.SubRules.Length.ShouldBe(3);
    }

    [Fact]
    public void Patterns_over_4096_characters_are_rejected_and_length_is_counted_without_spaces()
    {
        var values = string.Join(", ", Enumerable.Range(0, 400).Select(i => $"\"value-{i:D4}\""));
        var compilation = Compile($$"""{ "a" : [ {{values}} ] }""");
        compilation.Measures.CompactLength.ShouldBeGreaterThan(4096);
        compilation.FirstError!.Reason.ShouldContain("4096");
    }

    [Fact]
    public void More_than_256_fields_in_one_combination_are_rejected()
    {
        var fields = string.Join(",", Enumerable.Range(0, 257).Select(i => $$"""
            "f{{i}}":[1]
            """));
        Invalid("{" + fields + "}").Reason.ShouldStartWith("Size of rule exceeds max value of 256");
    }

    [Fact]
    public void Deeply_nested_hostile_patterns_are_handled()
    {
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 400)) + "[1]" + new string('}', 400);
        Compile(deep).IsValid.ShouldBeTrue();
        var wide = "{\"a\":[" + string.Join(",", Enumerable.Range(0, 20000).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))) + "]}";
        Compile(wide).IsValid.ShouldBeFalse();
    }
}
